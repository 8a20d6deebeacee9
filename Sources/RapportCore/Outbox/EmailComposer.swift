import Foundation
import RapportMarkdown

/// Turns one customer's merged newsletter or review into an email: the
/// HTML part through `Layouts/email.mustache`, the text part from the same
/// Markdown through cmark-gfm's plain-text renderer, headers from the
/// `email:` settings and the customer's record.
///
/// One per render worker, like the `PageRenderer` it wraps.
final class EmailComposer {
    /// What every message of one outbox shares, checked once.
    struct Setup: Sendable {
        var from: MailAddress
        /// `site.base_url` and the site's pages under it.
        var addresses: SiteAddresses
        var unsubscribe: [CompiledTemplate]
        var schedule: SendSchedule
        var defaultTimeZone: TimeZone
        var styles: EmailHTML.InlineStyles
        var settings: EmailSettings
    }

    /// A message and the parts the preview shows.
    struct Composed {
        var message: OutboxMessage
        var eml: Data
        /// The HTML part's UTF-8; `html` for the preview.
        var htmlUTF8: [UInt8]
        var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
        var text: String
        var warnings: [Diagnostic]
    }

    let pages: PageRenderer
    let setup: Setup
    private var site: LoadedSite { pages.site }
    private typealias Page = TemplateVocabulary.EmailPage
    private typealias DocumentField = TemplateVocabulary.Document

    init(site: LoadedSite, today: CalendarDate, setup: Setup) {
        pages = PageRenderer(site: site, today: today)
        self.setup = setup
    }

    /// The customer's recipient address, checked, or the error naming the
    /// record's `email` field.
    func recipient(_ profile: CustomerProfile) throws(Diagnostic) -> MailAddress {
        typealias Column = TemplateVocabulary.Customer
        let written = profile.text(Column.email.name)
        let location = profile.record.fieldLocation(Column.email.name) ?? profile.record.location
        guard let written else {
            throw .error(
                "no email address: the outbox needs one in the email column for every customer it writes to", at: location,
                customer: profile.id)
        }
        let name = profile.text(Column.contactName.name) ?? profile.text(Column.name.name) ?? profile.text(Column.company.name)
        guard written.unicodeScalars.allSatisfy(\.isASCII) else {
            throw .error(
                "\"\(written)\" is an internationalised address: it needs SMTPUTF8, which rapport's 7-bit messages do not assume of every relay; record an ASCII address for this customer (or use --skip-invalid)",
                at: location, customer: profile.id)
        }
        guard let address = MailAddress(name: name, address: written) else {
            throw .error("\"\(written)\" is not a valid email address (local@domain, ASCII)", at: location, customer: profile.id)
        }
        return address
    }

    /// One message of `compiled` for `profile`, whose recipient is `to`.
    func compose(
        _ compiled: CompiledDocument, for profile: CustomerProfile, to: MailAddress, scope: ViewModel, embeds: HTMLEmbeds
    ) throws(DiagnosticList) -> Composed {
        let document = compiled.document
        let webAddress = setup.addresses.absolute(SitePaths.documentFile(profile.slug, document))
        let pageURL = URL(string: webAddress) ?? setup.addresses.baseURL
        let merged = try pages.merge(
            compiled, for: profile, scope: scope, embeds: embeds,
            plainText: PageRenderer.PlainTextRequest(width: Self.textWidth) { EmailHTML.absoluteURL($0, page: pageURL) ?? $0 })
        var warnings = merged.warnings

        let unsubscribe = try unsubscribeTargets(merged.model, customer: profile.id)
        let content = EmailHTML.styled(bytes: embeds.resolve(bytes: Array(merged.html.utf8)), styles: setup.styles)
        var page = merged.model
        page[Page.content.key] = .text(String(decoding: content, as: UTF8.self))
        page[Page.root.key] = .text(setup.addresses.base)
        page[Page.pageTitle.key] = .text(merged.title)
        page[Page.lang.key] = .text(profile.locale)
        page[Page.generator.key] = .text(PageRenderer.generator)
        page[Page.webURL.key] = .text(webAddress)
        page[Page.hubURL.key] = .text(setup.addresses.absolute(SitePaths.hub(profile.slug)))
        page[Page.printURL.key] = .text(setup.addresses.absolute(SitePaths.printFile(profile.slug, document)))
        if let first = unsubscribe.first { page[Page.unsubscribeURL.key] = .text(first) }
        let html: [UInt8]
        do {
            html = EmailHTML.absolute(bytes: try pages.layout(LayoutName.email, page), page: pageURL)
        } catch {
            throw DiagnosticList([error])
        }
        let htmlBytes = html.count
        if htmlBytes > setup.settings.maxHTMLBytes {
            warnings.append(
                .warning(
                    "the HTML part is \(htmlBytes) bytes, over email.max_html_bytes (\(setup.settings.maxHTMLBytes)): Gmail clips messages over about 102 KB",
                    at: SourceLocation(path: document.path), customer: profile.id))
        }
        let text = Self.textPart(merged.plainText ?? "", page: webAddress, unsubscribe: unsubscribe)

        let subject = merged.model.value(at: [TemplateVocabulary.Content.document.key, DocumentField.subject.key])?.text ?? merged.title
        let zone = try timeZone(of: profile)
        let window = setup.schedule.window(on: max(compiled.date, pages.today), in: zone)
        let replyTo = try replyAddress(for: profile, scope: scope)
        let messageID = MailMessage.messageID(
            site: site.config.baseURL, edition: "\(document.kind.rawValue)/\(document.name)", customerID: profile.id,
            domain: setup.from.domain)
        let mail = MailMessage(
            from: setup.from, to: [to], replyTo: replyTo, subject: subject, date: window.start, messageID: messageID,
            listUnsubscribe: unsubscribe, oneClickUnsubscribe: true, textBody: text, htmlUTF8: html)
        let eml = mail.rendered(boundarySeed: messageID)
        let message = OutboxMessage(
            customerID: profile.id, customerName: merged.customerName, kind: document.kind.rawValue, edition: document.name,
            to: to.address, from: setup.from.headerValue, replyTo: replyTo?.headerValue, subject: MailHeaderField.singleLine(subject),
            file: OutboxPaths.message(profile.slug, document), bytes: eml.count, sha256: InputHasher.hash(eml),
            messageID: messageID, sendAfter: window.start, sendBefore: window.end)
        return Composed(message: message, eml: eml, htmlUTF8: html, text: text, warnings: warnings)
    }

    // MARK: - Parts

    /// Lines of the text part wrap at this many columns.
    static let textWidth = 72

    /// The text part: the merged Markdown (embeds as their own Markdown)
    /// as plain text, then where to read it online and how to unsubscribe.
    private static func textPart(_ body: String, page: String, unsubscribe: [String]) -> String {
        var text = body
        while text.hasSuffix("\n\n") { text.removeLast() }
        text += "\n---\nRead this online: \(page)\n"
        if let target = unsubscribe.first { text += "Unsubscribe: \(target)\n" }
        return text
    }

    /// `email.unsubscribe` rendered for this customer, values percent-encoded.
    private func unsubscribeTargets(_ model: ViewModel, customer: String) throws(DiagnosticList) -> [String] {
        var targets: [String] = []
        for template in setup.unsubscribe {
            var renderer = TemplateRenderer()
            do {
                try renderer.render(template, library: [], context: .object(model))
            } catch {
                throw DiagnosticList([error])
            }
            if let empty = renderer.findings.emptyNames.first {
                throw DiagnosticList([
                    .error(
                        "\(empty.tag.name) in email.unsubscribe is empty for this customer",
                        at: setup.settings.unsubscribeLocation ?? SourceLocation(path: SiteConfig.fileName), customer: customer)
                ])
            }
            targets.append(renderer.output.string)
        }
        return targets
    }

    /// Reply-To: the account manager (or the sender), a fixed address, or none.
    private func replyAddress(for profile: CustomerProfile, scope: ViewModel) throws(DiagnosticList) -> MailAddress? {
        switch setup.settings.replyTo {
        case .none:
            return nil
        case .address(let name, let address):
            return MailAddress(name: name, address: address)
        case .accountManager:
            typealias Sender = TemplateVocabulary.Sender
            let sender = scope[TemplateVocabulary.Content.sender.key]?.object
            guard let written = sender?[Sender.email.key]?.text else { return nil }
            guard let address = MailAddress(name: sender?[Sender.name.key]?.text, address: written) else {
                let location =
                    profile.text("account_manager_email") != nil
                    ? profile.record.fieldLocation("account_manager_email") : SourceLocation(path: SiteConfig.fileName)
                throw DiagnosticList([
                    .error("reply-to \"\(written)\" is not a valid email address (local@domain, ASCII)", at: location, customer: profile.id)
                ])
            }
            return address
        }
    }

    /// The customer's `timezone` column, else `email.timezone`.
    private func timeZone(of profile: CustomerProfile) throws(DiagnosticList) -> TimeZone {
        guard let name = profile.text("timezone") else { return setup.defaultTimeZone }
        guard let zone = TimeZone(identifier: name) else {
            throw DiagnosticList([
                .error(
                    "timezone \"\(name)\" is not a time zone name such as Europe/London or America/New_York",
                    at: profile.record.fieldLocation("timezone") ?? profile.record.location, customer: profile.id)
            ])
        }
        return zone
    }
}
