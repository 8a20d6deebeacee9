import Foundation

/// Writes the outbox: every recipient's message of every newsletter (and,
/// when asked, review) as a Maildir of `.eml` files with a manifest,
/// staged beside the outbox and swapped in at once, so a failed run leaves
/// the previous outbox byte for byte.
///
/// rapport writes mail and does not send it: sending stays with the tools
/// people trust (`sendmail -t`, `msmtp -t`, an ESP's raw-MIME API).
public struct OutboxBuilder: Sendable {
    public let options: OutboxOptions

    public init(options: OutboxOptions) {
        self.options = options
    }

    /// Composes every message and writes the outbox; throws every error
    /// found (warnings too with `--strict`).
    public func build() throws(DiagnosticList) -> OutboxReport {
        let started = Date()
        let site = try SiteLoader(options: options.buildOptions).load()
        if options.strict, !site.warnings.isEmpty { throw DiagnosticList(site.warnings.map(\.asError)) }
        let (setup, setupWarnings) = try Self.setup(for: site)
        let documents = try chosenDocuments(site)

        let staging: StagingDirectory?
        do {
            staging = options.writeOutput ? try StagingDirectory(for: options.outboxDirectory) : nil
        } catch {
            throw DiagnosticList([error])
        }
        do {
            let report = try compose(site, documents: documents, setup: setup, warnings: setupWarnings, into: staging, started: started)
            try staging?.commit()
            return report
        } catch let error as DiagnosticList {
            staging?.discard()
            throw error
        } catch let error as Diagnostic {
            staging?.discard()
            throw DiagnosticList([error])
        } catch {
            staging?.discard()
            throw DiagnosticList([.error("\(error)", at: nil)])
        }
    }

    // MARK: - Composing

    private struct CustomerMessages: Sendable {
        var messages: [OutboxMessage] = []
        var diagnostics: [Diagnostic] = []
    }

    private func compose(
        _ site: LoadedSite, documents: [CompiledDocument], setup: EmailComposer.Setup, warnings: [Diagnostic],
        into staging: StagingDirectory?, started: Date
    ) throws(DiagnosticList) -> OutboxReport {
        let total = site.customers.count
        let results = ResultSlots<CustomerMessages>(count: total)
        let options = self.options
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, total))) { _ in
            let composer = EmailComposer(site: site, today: options.today, setup: setup)
            while let index = results.claimNext() {
                let outcome = Self.messages(
                    for: site.customers[index], documents: documents, composer: composer, staging: staging, keepParts: options.keepParts)
                results.set(outcome, at: index)
            }
        }

        var diagnostics = site.warnings + warnings
        var messages: [OutboxMessage] = []
        var skipped: [OutboxManifest.Skipped] = []
        for (profile, outcome) in zip(site.customers, results.values(filling: CustomerMessages())) {
            let errors = outcome.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty, options.skipInvalid {
                diagnostics += errors.map {
                    var warning = $0; warning.severity = .warning; return warning
                }
                diagnostics.append(
                    .warning(
                        "customer left out of the outbox because of the problems above (--skip-invalid)", at: profile.record.location,
                        customer: profile.id))
                skipped.append(OutboxManifest.Skipped(customer_id: profile.id, reason: errors.map(\.message).joined(separator: "; ")))
                // Their files were written before the problem was found: take them out again.
                for message in outcome.messages { staging?.remove(message.file) }
                continue
            }
            diagnostics += outcome.diagnostics
            messages += outcome.messages
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        if options.strict, !diagnostics.isEmpty { throw DiagnosticList(diagnostics.map(\.asError)) }

        if let staging {
            let manifest = OutboxManifest(messages: messages, skipped: skipped)
            do {
                for folder in OutboxPaths.folders { try staging.makeFolder(folder) }
                try staging.write(try manifest.encoded(), to: OutboxPaths.manifest)
            } catch let error as Diagnostic {
                throw DiagnosticList([error])
            } catch {
                throw DiagnosticList([.error("cannot write the outbox manifest: \(error)", at: nil)])
            }
        }
        return OutboxReport(
            customers: site.customers.count - skipped.count, messages: messages, warnings: diagnostics.filter { $0.severity == .warning },
            skippedCustomers: skipped.map(\.customer_id), seconds: Date().timeIntervalSince(started))
    }

    /// One customer's messages, each written as soon as it is composed.
    private static func messages(
        for profile: CustomerProfile, documents: [CompiledDocument], composer: EmailComposer, staging: StagingDirectory?, keepParts: Bool
    ) -> CustomerMessages {
        var outcome = CustomerMessages()
        let theirs = documents.filter { $0.document.frontMatter.audience.includes(profile.record.fields) }
        guard !theirs.isEmpty else { return outcome }
        do {
            let to = try composer.recipient(profile)
            let scope = composer.pages.scope(for: profile)
            let (pageScope, embeds) = try composer.pages.pageScope(scope, for: profile)
            for compiled in theirs {
                do {
                    let composed = try composer.compose(compiled, for: profile, to: to, scope: pageScope, embeds: embeds)
                    try staging?.write(composed.eml, to: composed.message.file)
                    var message = composed.message
                    if keepParts { (message.html, message.text, message.eml) = (composed.html, composed.text, composed.eml) }
                    outcome.messages.append(message)
                    outcome.diagnostics += composed.warnings
                } catch let error as DiagnosticList {
                    outcome.diagnostics += error.diagnostics
                }
            }
        } catch let error as Diagnostic {
            outcome.diagnostics.append(error)
        } catch {
            outcome.diagnostics.append(.error("\(error)", at: nil, customer: profile.id))
        }
        return outcome
    }

    // MARK: - Checks

    /// Newsletters, and reviews with `--reviews`, narrowed to `--edition`.
    private func chosenDocuments(_ site: LoadedSite) throws(DiagnosticList) -> [CompiledDocument] {
        let candidates = site.newsletters + (options.includeReviews ? site.reviews : [])
        guard !options.editions.isEmpty else { return candidates }
        let known = Set(candidates.map(\.document.name))
        let unknown = options.editions.filter { !known.contains($0) }
        if !unknown.isEmpty {
            let available = known.sorted().joined(separator: ", ")
            throw DiagnosticList(
                unknown.map {
                    .error(
                        "--edition \"\($0)\" is not a \(options.includeReviews ? "newsletter or review" : "newsletter") of this site (available: \(available.isEmpty ? "none" : available))",
                        at: nil)
                })
        }
        let wanted = Set(options.editions)
        return candidates.filter { wanted.contains($0.document.name) }
    }

    /// What every message shares: sender, base URL, unsubscribe templates,
    /// the email layout. Problems here are about rapport.yml or Layouts/.
    static func setup(for site: LoadedSite) throws(DiagnosticList) -> (EmailComposer.Setup, [Diagnostic]) {
        let config = site.config
        let settings = config.email
        let configFile = SourceLocation(path: SiteConfig.fileName)
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        if !site.layouts.contains(LayoutName.email) {
            problems.append(
                .error(
                    "layout \"email\" not found: add Layouts/email.mustache, the HTML of each message (rapport init writes one)",
                    at: SourceLocation(path: LayoutName.path(LayoutName.email))))
        }
        var baseURL: URL?
        if let url = URL(string: config.baseURL.hasSuffix("/") ? config.baseURL : config.baseURL + "/"),
            let scheme = url.scheme?.lowercased(), ["https", "http"].contains(scheme), url.host != nil
        {
            baseURL = url
        } else {
            problems.append(
                .error(
                    "base_url must be the site's absolute address (https://...): links and images in an email cannot be relative",
                    at: configFile))
        }
        let fromAddress = settings.fromAddress ?? (config.sender.email.isEmpty ? nil : config.sender.email)
        let fromName = settings.fromName ?? (config.sender.name.isEmpty ? nil : config.sender.name)
        let from = fromAddress.flatMap { MailAddress(name: fromName, address: $0) }
        if from == nil {
            problems.append(
                .error(
                    fromAddress.map { "sender.email \"\($0)\" is not a valid email address" }
                        ?? "the outbox needs a From address: set email.from (or sender.email) in rapport.yml",
                    at: settings.fromLocation ?? configFile))
        }
        var unsubscribe: [CompiledTemplate] = []
        let location = settings.unsubscribeLocation ?? configFile
        let scanner = MustacheScanner(maxNesting: 10)
        let schema = ContentSchema.newsletter(for: site.customers)
        for target in settings.unsubscribe {
            do {
                let nodes = try scanner.scan(target, path: location.path, lineOffset: max(0, (location.line ?? 1) - 1))
                problems += FieldChecker(partials: [:]).unknownNames(in: nodes, path: location.path, schema: schema)
                unsubscribe.append(
                    try TemplateCompiler(templateIndex: [:], checksEmptyValues: true).compile(
                        nodes, name: "unsubscribe", path: location.path, contentType: .url))
            } catch {
                problems += error.diagnostics
            }
        }
        if settings.unsubscribe.isEmpty {
            warnings.append(
                .warning(
                    "email.unsubscribe is not set: messages carry no List-Unsubscribe header, which Gmail and Yahoo require of bulk senders",
                    at: configFile))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let setup = EmailComposer.Setup(
            from: from!, addresses: SiteAddresses(baseURL: baseURL!), unsubscribe: unsubscribe, schedule: SendSchedule(window: settings.sendWindow),
            defaultTimeZone: TimeZone(identifier: settings.timezone) ?? TimeZone(secondsFromGMT: 0)!,
            styles: EmailHTML.InlineStyles(EmailHTML.defaultStyles.merging(settings.styles) { $1 }), settings: settings)
        return (setup, warnings)
    }
}

extension Diagnostic {
    /// The same problem as an error (`--strict`).
    var asError: Diagnostic {
        var error = self
        error.severity = .error
        return error
    }
}
