import Foundation
import RapportMarkdown

/// Reads a site folder (settings, records, content, layouts) and checks
/// everything that does not depend on a particular customer, reporting
/// every problem found rather than the first.
struct SiteLoader {
    let options: BuildOptions
    let scanner = MustacheScanner(maxNesting: 100)

    func load() throws(DiagnosticList) -> LoadedSite {
        var diagnostics: [Diagnostic] = []
        let site = options.siteDirectory

        let (config, configWarnings) = try SiteConfig.load(siteDirectory: site, environment: options.environment)
        diagnostics += configWarnings

        var loadedCustomers = collect(&diagnostics) { () throws(DiagnosticList) in try loadCustomers(config: config) }
        let hasRecords = loadedCustomers != nil
        var profiles = loadedCustomers?.0 ?? []
        let (recordWarnings, allIDs) = (loadedCustomers?.1 ?? [], loadedCustomers?.2 ?? [])
        // Dropped so that `profiles` is the one reference to the profiles and
        // the noted contact dates below go in without copying them all
        // (32 MB at 100,000 customers, held twice to the end of loading).
        loadedCustomers = nil
        diagnostics += recordWarnings
        // A shard renders its own customers; every record is still checked
        // and names the fields templates may use, so every shard (and the
        // merge) reports the same problems and compiles the same templates.
        func shardCustomers() -> [CustomerProfile] {
            options.shard.map { shard in profiles.filter { shard.contains($0.id) } } ?? profiles
        }
        let contentPartials = collect(&diagnostics) { () throws(DiagnosticList) in try loadContentPartials() } ?? TemplateLibrary()
        let loadedLayouts = collect(&diagnostics) { () throws(DiagnosticList) in try loadLayouts() }
        let layouts = loadedLayouts ?? TemplateLibrary()
        let documents = collect(&diagnostics) { () throws(DiagnosticList) in try ContentLoader(siteDirectory: site).newsletters() } ?? []
        let reviewDocuments = collect(&diagnostics) { () throws(DiagnosticList) in try ContentLoader(siteDirectory: site).reviews() } ?? []
        // The metrics file is read on one core: beside the notes, which
        // use every core, rather than after them (a tenth of the CPU of a
        // one-customer rebuild at 10,000 customers).
        let metricsWork = BackgroundWork { () -> (MetricsTable?, [Diagnostic]) in
            var found: [Diagnostic] = []
            let metrics = hasRecords ? loadMetrics(config: config, knownIDs: allIDs, diagnostics: &found) : nil
            return (metrics, found)
        }
        // Notes and metrics are matched against every record, so those of
        // customers left out by --only are not strays; with no records at
        // all there is nothing to match them against.
        let noNotes = NotesIndex(siteDirectory: site, limits: config.markdown)
        let (notes, notesWarnings) = !hasRecords ? (noNotes, []) : collect(&diagnostics) { () throws(DiagnosticList) in
            try NotesLoader(siteDirectory: site, limits: config.markdown, workers: options.jobs)
                .load(customers: shardCustomers(), allIDs: allIDs)
        } ?? (noNotes, [])
        diagnostics += notesWarnings
        // A later contact noted by hand counts, whatever the CRM export says.
        // (Templates are checked against record fields only, so every
        // profile may have it before they are.)
        for index in profiles.indices {
            if let noted = notes[profiles[index].id]?.lastContact {
                profiles[index].lastContact = max(noted, profiles[index].lastContact ?? noted)
            }
        }
        let customers = shardCustomers()
        let (metrics, metricsDiagnostics) = metricsWork.wait()
        let metricsDiagnosticsBefore = diagnostics.count
        diagnostics += metricsDiagnostics
        // Metrics that exist but failed to load were reported; their names
        // cannot be checked, so they must not cascade into unknown fields.
        let metricsFailed = diagnostics[metricsDiagnosticsBefore...].contains { $0.severity == .error }

        // When the records did not load, names cannot be checked against
        // them; everything else in the content still is.
        let schema = !hasRecords ? ContentSchema.newsletter(customer: .anything) : ContentSchema.newsletter(for: profiles)
        var newsletters: [CompiledDocument] = []
        var reviews: [CompiledDocument] = []
        for document in documents + reviewDocuments {
            let documentSchema =
                document.kind == .review ? ContentSchema.review(base: schema, metrics: metrics, metricsFailed: metricsFailed) : schema
            if let compiled = collect(&diagnostics, {
                () throws(DiagnosticList) in
                try compile(
                    document, config: config, partials: contentPartials, layouts: loadedLayouts, schema: documentSchema,
                    customers: profiles)
            }) {
                if document.kind == .review {
                    diagnostics += Self.reviewTemplateWarnings(compiled)
                    reviews.append(compiled)
                } else {
                    newsletters.append(compiled)
                }
            }
        }
        if documents.isEmpty, reviewDocuments.isEmpty, diagnostics.isEmpty {
            diagnostics.append(
                .warning("no newsletters yet: add one such as Content/newsletters/2026-11.md (rapport new newsletter 2026-11)", at: nil))
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticList(diagnostics)
        }
        let shared = InputHasher.sharedHash(config: config, partials: contentPartials, layouts: layouts, today: options.today)
        let documentTrees = (newsletters + reviews).flatMap { [$0.nodes] + $0.headerTemplates.values.map(\.nodes) }
        let templateNames = TemplateNames.collect(
            from: layouts.entries.values.map(\.nodes) + contentPartials.entries.values.map(\.nodes) + documentTrees)
        return LoadedSite(
            config: config, customers: customers, newsletters: newsletters, reviews: reviews, notes: notes, metrics: metrics,
            printPages: PrintPages(siteDirectory: site, baseURL: config.baseURL),
            assetsFingerprint: AssetCopier(siteDirectory: site).fingerprint(), embedNonce: HTMLEmbeds.makeNonce(), contentPartials: contentPartials, layouts: layouts,
            templateNames: templateNames, sharedInputsHash: shared, warnings: diagnostics)
    }

    /// Reads the newsletters and reviews again into `site`, checked as
    /// `load` checks them, keeping everything else: for `rapport serve`,
    /// where a save to one edition should not reread 100,000 records.
    /// `schema` is `ContentSchema.newsletter(for: site.customers)`, made once.
    func reloadDocuments(into site: inout LoadedSite, schema: FieldSchema) throws(DiagnosticList) {
        var diagnostics: [Diagnostic] = []
        let loader = ContentLoader(siteDirectory: options.siteDirectory)
        let documents = collect(&diagnostics) { () throws(DiagnosticList) in try loader.newsletters() + loader.reviews() } ?? []
        var newsletters: [CompiledDocument] = []
        var reviews: [CompiledDocument] = []
        for document in documents {
            let documentSchema = document.kind == .review ? ContentSchema.review(base: schema, metrics: site.metrics) : schema
            guard
                let compiled = collect(&diagnostics, { () throws(DiagnosticList) in
                    try compile(
                        document, config: site.config, partials: site.contentPartials, layouts: site.layouts, schema: documentSchema,
                        customers: site.customers)
                })
            else { continue }
            if document.kind == .review { reviews.append(compiled) } else { newsletters.append(compiled) }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        site.newsletters = newsletters
        site.reviews = reviews
        let trees = (newsletters + reviews).flatMap { [$0.nodes] + $0.headerTemplates.values.map(\.nodes) }
        site.templateNames = TemplateNames.collect(
            from: site.layouts.entries.values.map(\.nodes) + site.contentPartials.entries.values.map(\.nodes) + trees)
    }

    // MARK: - Records

    /// Typed customers (those --only asks for), the warnings about their
    /// records, and the ids of every record in the file.
    private func loadCustomers(config: SiteConfig) throws(DiagnosticList) -> ([CustomerProfile], [Diagnostic], Set<String>) {
        let path = config.records.customers
        let url = siteFile(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DiagnosticList([
                .error(
                    "customer records not found (set records.customers in rapport.yml to a .csv, .json or .yaml file)",
                    at: SourceLocation(path: path))
            ])
        }
        let loader = RecordLoader(idField: config.records.idField, delimiter: config.records.delimiter)
        var records = try loader.load(contentsOf: url, displayPath: path)
        let allIDs = Set(records.map(\.id))
        if !options.only.isEmpty {
            let wanted = Set(options.only)
            let known = allIDs
            let unknown = options.only.filter { !known.contains($0) }
            if !unknown.isEmpty {
                throw DiagnosticList(unknown.map { .error("--only names customer \"\($0)\", who is not in the records", at: SourceLocation(path: path)) })
            }
            records = records.filter { wanted.contains($0.id) }
        }
        let slugMaker = SlugMaker(privateURLSecret: config.privateURLs ? config.privateURLSecret : nil)
        let (slugs, slugProblems) = slugMaker.slugs(for: records)
        var problems = slugProblems
        // Sized once: grown by doubling, 100,000 profiles left room for a
        // third as many again (10 MB held for the whole build).
        var profiles: [CustomerProfile] = []
        profiles.reserveCapacity(records.count)
        for (record, slug) in zip(records, slugs) {
            guard let slug else { continue }
            let (profile, fieldProblems) = CustomerProfile.make(from: record, slug: slug, config: config)
            problems += fieldProblems
            if let profile { profiles.append(profile) }
        }
        problems.sort { $0.location ?? SourceLocation(path: "") < $1.location ?? SourceLocation(path: "") }
        if problems.contains(where: { $0.severity == .error }) { throw DiagnosticList(problems) }
        return (profiles, problems, allIDs)
    }

    private func loadMetrics(config: SiteConfig, knownIDs: Set<String>, diagnostics: inout [Diagnostic]) -> MetricsTable? {
        let path = config.records.metrics
        let url = siteFile(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return ReviewModels.loadMetrics(url: url, path: path, config: config, knownIDs: knownIDs, diagnostics: &diagnostics)
    }

    /// A path from rapport.yml: absolute as written, else inside the site.
    private func siteFile(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : options.siteDirectory.appendingPathComponent(path)
    }

    // MARK: - Templates

    private func loadContentPartials() throws(DiagnosticList) -> TemplateLibrary {
        var library = TemplateLibrary(contentType: .markdown, checksEmptyValues: true)
        var problems: [Diagnostic] = []
        for partial in try ContentLoader(siteDirectory: options.siteDirectory).partials() {
            do {
                try library.add(
                    name: partial.name, path: partial.path, text: partial.body, lineOffset: partial.bodyLineOffset, scanner: scanner)
            } catch {
                problems += error.diagnostics
            }
        }
        for entry in library.entries.values.sorted(by: { $0.name < $1.name }) {
            problems += library.missingReferences(in: entry.nodes, path: entry.path, kind: "partial")
        }
        do {
            try library.compile()
        } catch {
            problems += error.diagnostics
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return library
    }

    private func loadLayouts() throws(DiagnosticList) -> TemplateLibrary {
        let directory = options.siteDirectory.appendingPathComponent("Layouts")
        var library = TemplateLibrary(contentType: .html)
        var problems: [Diagnostic] = []
        let files = (FileManager.default.subpaths(atPath: directory.path) ?? [])
            .filter { $0.hasSuffix(".mustache") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
        for file in files {
            let path = "Layouts/\(file)"
            do {
                let text = try TextFile.read(directory.appendingPathComponent(file), displayPath: path)
                try library.add(name: String(file.dropLast(".mustache".count)), path: path, text: text, scanner: scanner)
            } catch let error as Diagnostic {
                problems.append(error)
            } catch let error as DiagnosticList {
                problems += error.diagnostics
            } catch {
                problems.append(.error("\(error)", at: SourceLocation(path: path)))
            }
        }
        for entry in library.entries.values.sorted(by: { $0.name < $1.name }) {
            problems += library.missingReferences(in: entry.nodes, path: entry.path, kind: "layout")
        }
        for required in LayoutName.required where !library.contains(required) && problems.isEmpty {
            problems.append(
                .error("layout \"\(required)\" not found: add Layouts/\(required).mustache (rapport init writes a full set)", at: SourceLocation(path: "Layouts/\(required).mustache")))
        }
        do {
            try library.compile()
        } catch {
            problems += error.diagnostics
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return library
    }

    private func compile(
        _ document: ContentDocument,
        config: SiteConfig,
        partials: TemplateLibrary,
        layouts: TemplateLibrary?,
        schema: FieldSchema,
        customers: [CustomerProfile]
    ) throws(DiagnosticList) -> CompiledDocument {
        var problems: [Diagnostic] = []
        let fileLocation = SourceLocation(path: document.path, line: 1, column: 1)
        if !Self.isSafeName(document.name) {
            problems.append(
                .error("file name \"\(document.name).md\" must use only letters, digits, '-', '_' and '.' (it becomes a URL)", at: fileLocation))
        }
        let layoutName = document.frontMatter.layout ?? (document.kind == .review ? "review" : "newsletter")
        // Layouts that failed to load were reported already; not again per document.
        if let layouts, !layouts.contains(layoutName) {
            problems.append(
                .error(
                    "layout \"\(layoutName)\" not found (looked for Layouts/\(layoutName).mustache)",
                    at: document.frontMatter.layoutLocation ?? fileLocation))
        }
        var period: ReviewPeriod?
        if document.kind == .review {
            period = Self.period(of: document, problems: &problems)
        }
        var date = document.frontMatter.date
        if document.kind == .review {
            // A review is dated at the end of the months it looks back on.
            if date == nil, let period { date = period.end.lastDay }
        } else if date == nil, let fromName = CalendarDate(iso: document.name + "-01") {
            date = fromName
        }
        // A review whose period failed was reported already; no second error.
        if date == nil, document.kind != .review || period != nil {
            problems.append(.error("add a date: YYYY-MM-DD to the front matter (the file name is not a YYYY-MM edition)", at: fileLocation))
        }
        for rule in document.frontMatter.audience.rules
        where schema.child("customer") != .anything && !customers.contains(where: { $0.record.fields[rule.field] != nil }) {
            problems.append(.error("audience field \"\(rule.field)\" is not a column of the customer records", at: rule.location))
        }
        do {
            try MarkdownRenderer.checkLimits(document.body, limits: config.markdown)
        } catch {
            problems.append(
                .error(error.message, at: SourceLocation(path: document.path, line: error.line + document.bodyLineOffset, column: error.column)))
        }
        var nodes: [MustacheNode] = []
        var body = CompiledTemplate(name: document.name, path: document.path, contentType: .markdown)
        var headers: [String: CompiledText] = [:]
        do {
            nodes = try scanner.scan(document.body, path: document.path, lineOffset: document.bodyLineOffset)
            body = try partials.compile(nodes, name: document.name, path: document.path, contentType: .markdown, checksEmptyValues: true)
            problems += partials.missingReferences(in: nodes, path: document.path, kind: "partial")
            let checker = FieldChecker(partials: partials.entries)
            problems += checker.unknownNames(in: nodes, path: document.path, schema: schema)
            headers = compileHeaders(document, checker: checker, schema: schema, problems: &problems)
            for key in (config.fallbacks.keys.sorted() + document.frontMatter.fallbacks.keys.sorted())
            where ContentSchema.resolve(key, in: schema) == nil {
                problems.append(.warning("fallback for unknown field \"\(key)\" is never used", at: fileLocation))
            }
        } catch {
            problems += error.diagnostics
        }
        if problems.contains(where: { $0.severity == .error }) { throw DiagnosticList(problems) }
        return CompiledDocument(
            document: document, nodes: nodes, body: body, headerTemplates: headers, layoutName: layoutName, date: date!,
            period: period,
            fallbacks: config.fallbacks.merging(document.frontMatter.fallbacks) { _, documentValue in documentValue }
                .sorted { $0.key < $1.key }
                .map { CompiledDocument.Fallback(path: $0.key, keys: $0.key.split(separator: ".").map { TemplateKey(String($0)) }, value: $0.value) },
            sourceHash: InputHasher.hash(document.source),
            genericTitle: SitePageRenderer.genericTitle(document, period: period))
    }

    /// Title, subject and preheader may merge customer values too; they are
    /// plain text (the layout escapes them), checked like the body.
    private func compileHeaders(
        _ document: ContentDocument, checker: FieldChecker, schema: FieldSchema, problems: inout [Diagnostic]
    ) -> [String: CompiledText] {
        var headers: [String: CompiledText] = [:]
        let frontMatter = document.frontMatter
        let texts = [("title", frontMatter.title), ("subject", frontMatter.subject), ("preheader", frontMatter.preheader)]
        for (key, value) in texts {
            guard let value, value.contains("{{") else { continue }
            let location = frontMatter.textLocations[key]
            let line = location?.line ?? 1
            do {
                var nodes = try scanner.scan(value, path: document.path, lineOffset: line - 1)
                if let column = location?.column {
                    // Tags on the value's first line sit after `key: ` (and a quote, if any).
                    let quoted = document.source.split(separator: "\n", omittingEmptySubsequences: false)
                        .dropFirst(line - 1).first.map { line in
                            let characters = Array(line)
                            return column - 1 < characters.count && (characters[column - 1] == "\"" || characters[column - 1] == "'")
                        } ?? false
                    nodes = MustacheNode.shiftingColumns(nodes, onLine: line, by: column - 1 + (quoted ? 1 : 0))
                }
                problems += checker.unknownNames(in: nodes, path: document.path, schema: schema)
                let compiled = try TemplateCompiler(templateIndex: [:], checksEmptyValues: true)
                    .compile(nodes, name: key, path: document.path, contentType: .text)
                headers[key] = CompiledText(nodes: nodes, compiled: compiled, path: document.path)
            } catch {
                problems += error.diagnostics
            }
        }
        return headers
    }

    // MARK: - Helpers

    /// A review's months: from its file name (`2026-Q4`) or front matter
    /// `period: {start: 2026-10, end: 2026-12}`.
    static func period(of document: ContentDocument, problems: inout [Diagnostic]) -> ReviewPeriod? {
        let frontMatter = document.frontMatter
        if frontMatter.periodStart != nil || frontMatter.periodEnd != nil {
            guard let start = frontMatter.periodStart.flatMap(YearMonth.init(iso:)),
                let end = frontMatter.periodEnd.flatMap(YearMonth.init(iso:)), start <= end
            else {
                problems.append(
                    .error("period needs start: and end: months written YYYY-MM, start before end", at: frontMatter.periodLocation))
                return nil
            }
            return ReviewPeriod(name: document.name, start: start, end: end)
        }
        if let period = ReviewPeriod(quarter: document.name) { return period }
        problems.append(
            .error(
                "name the review after its quarter (2026-Q4.md) or give period: {start: YYYY-MM, end: YYYY-MM} in front matter",
                at: SourceLocation(path: document.path, line: 1, column: 1)))
        return nil
    }

    /// Warnings for a review template that has no place for what went
    /// wrong or for next quarter's goals: reviews tell the truth and ask.
    static func reviewTemplateWarnings(_ compiled: CompiledDocument) -> [Diagnostic] {
        var names: Set<String> = []
        var stack: [[MustacheNode]] = [compiled.nodes]
        while let nodes = stack.popLast() {
            for node in nodes {
                switch node {
                case .tag(let tag): names.insert(tag.name)
                case .section(let tag, let children):
                    names.insert(tag.name)
                    stack.append(children)
                case .text: break
                }
            }
        }
        let location = SourceLocation(path: compiled.document.path, line: 1, column: 1)
        var warnings: [Diagnostic] = []
        if !names.contains(where: { $0.hasPrefix("notes.issues") || $0 == "notes.has_issues" || $0 == "notes.has_open_issues" }) {
            warnings.append(.warning("this review has no place for what went wrong: show {{#notes.issues}} (reviews tell the truth)", at: location))
        }
        if !names.contains(where: { $0.hasPrefix("notes.goals") || $0 == "notes.has_goals" || $0.hasPrefix("period.next") }) {
            warnings.append(.warning("this review never asks about next quarter's goals: show {{#notes.goals}} or {{period.next.label}}", at: location))
        }
        return warnings
    }

    /// File names that are safe as one URL path segment.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    private func collect<T>(_ diagnostics: inout [Diagnostic], _ body: () throws(DiagnosticList) -> T) -> T? {
        do {
            return try body()
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }
}
