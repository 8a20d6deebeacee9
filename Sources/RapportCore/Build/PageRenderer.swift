import Foundation
import RapportMarkdown

/// Renders one customer's pages: merge, Markdown, layout.
///
/// Not shared between threads: each render worker makes its own, because
/// the Foundation formatters it caches are not thread-safe and its template
/// renderer reuses one output buffer page after page.
final class PageRenderer {
    private(set) var site: LoadedSite
    let today: CalendarDate
    let formatter = LocaleFormatter()
    private var templates = TemplateRenderer()
    private var builder: ViewModelBuilder { ViewModelBuilder(config: site.config, today: today, formatter: formatter) }

    private typealias Content = TemplateVocabulary.Content
    private typealias Page = TemplateVocabulary.DocumentPage
    private typealias DocumentField = TemplateVocabulary.Document

    /// A document rendered for one customer. Pages are their UTF-8 bytes,
    /// as they are written: as strings, each was checked as UTF-8 and
    /// copied on the way (5% of a newsletter-only build's CPU).
    struct RenderedDocument {
        var web: [UInt8]
        /// The self-contained print page, when the site has a print layout.
        var print: [UInt8]?
        var warnings: [Diagnostic]
    }

    init(site: LoadedSite, today: CalendarDate) {
        self.site = site
        self.today = today
    }

    /// Replaces the metrics the next pages read. The build hands each
    /// worker one customer's at a time, so they are freed with that
    /// customer's pages instead of being held to the end of all of them.
    func useMetrics(_ metrics: MetricsTable?) {
        site.metrics = metrics
    }

    /// The customer's own values (`customer`, `sender`, `site`): enough for
    /// the dashboard row of a customer whose pages are all reused.
    func scope(for profile: CustomerProfile) -> ViewModel {
        builder.customerScope(for: profile)
    }

    /// `scope` plus `notes`, whose body is rendered Markdown: made only for
    /// customers with a page to render, with the embeds those pages resolve.
    /// - Throws: when the notes file changed since the site loaded.
    func pageScope(_ scope: ViewModel, for profile: CustomerProfile) throws(Diagnostic) -> (ViewModel, HTMLEmbeds) {
        let embeds = HTMLEmbeds(nonce: site.embedNonce)
        var scope = scope
        if let notes = try site.notes.notes(for: profile.id) {
            scope[Content.notes.key] = .object(notes.viewModel(embeds: embeds, formatter: formatter, locale: profile.locale))
        }
        return (scope, embeds)
    }

    /// One newsletter or review as `profile` will read it: the web page and
    /// its print twin.
    /// `documents` are everything this customer receives, for the links
    /// between editions on each page.
    func render(
        _ compiled: CompiledDocument, for profile: CustomerProfile, scope: ViewModel, embeds: HTMLEmbeds,
        documents: [CompiledDocument] = []
    ) throws(DiagnosticList) -> RenderedDocument {
        let merged = try merge(compiled, for: profile, scope: scope, embeds: embeds)
        let document = compiled.document
        let model = merged.model
        let html = merged.html
        let warnings = merged.warnings

        var page = model
        let title = merged.title
        let customerName = merged.customerName
        page[Page.content.key] = .text(html)
        page[Page.pageTitle.key] = .text("\(title) — \(customerName)")
        page[Page.lang.key] = .text(profile.locale)
        page[Page.generator.key] = .text(Self.generator)
        page[Page.hubURL.key] = .text(SitePaths.hub(profile.slug))
        page[Page.editionURL.key] = .text(SitePaths.overview(document))
        page[Page.printURL.key] = .text(SitePaths.printFile(profile.slug, document))
        page[Page.webURL.key] = .text(SitePaths.documentFile(profile.slug, document))
        page[Page.customerNameForHeader.key] = .text(customerName)
        addDocumentLinks(current: compiled, documents: documents, slug: profile.slug, to: &page)
        // Chromium cannot read string-set into page margins: the print
        // layout puts the name into CSS itself, quoted and escaped.
        page[Page.customerNameCSS.key] = .text(CSSText.quoted(customerName))
        page[Page.paper.key] = .text(site.config.paper.rawValue)
        page[Page.paperSize.key] = .text(site.config.paper.cssSize)

        var rendered = RenderedDocument(web: [], print: nil, warnings: warnings)
        do {
            page[Page.root.key] = .text("../../../../")
            rendered.web = embeds.resolve(bytes: try layout(compiled.layoutName, page))
            if site.layouts.contains(LayoutName.print) {
                page[Page.root.key] = .text("../../")
                // Charts join after inlining: they are rapport's own SVG, and
                // scanning their many elements for references was wasted time.
                let layoutOutput = try layout(LayoutName.print, page)
                let printPath = SitePaths.printFile(profile.slug, document)
                let (inlined, problems) = site.printPages.selfContained(
                    embeds.resolve(bytes: layoutOutput, keepingSelfContained: true), path: printPath)
                rendered.print = embeds.resolve(bytes: inlined)
                rendered.warnings += problems.map { var warning = $0; warning.customerID = profile.id; return warning }
            }
        } catch {
            throw DiagnosticList([error])
        }
        return rendered
    }

    /// A document merged with one customer's values: the values its layout
    /// sees, the Markdown and the HTML cmark-gfm made of it. The web page,
    /// its print twin and the email all start from this.
    struct MergedDocument {
        var model: ViewModel
        var markdown: String
        /// The rendered body, embeds not yet resolved.
        var html: String
        /// The body as plain text (embeds as their own Markdown), when asked for.
        var plainText: String?
        var warnings: [Diagnostic]
        /// The title as this customer reads it, and their name.
        var title: String
        var customerName: String
    }

    /// Merges `compiled` for `profile`: headers, body (finding empty fields
    /// and, for a review, whether it shows what went wrong), Markdown to HTML.
    func merge(
        _ compiled: CompiledDocument, for profile: CustomerProfile, scope: ViewModel, embeds: HTMLEmbeds,
        plainText: PlainTextRequest? = nil
    ) throws(DiagnosticList) -> MergedDocument {
        let document = compiled.document
        var model = scope
        var documentModel = builder.document(document, date: compiled.date, locale: profile.locale)
        var warnings: [Diagnostic] = []
        var worsened: [String]?
        if let period = compiled.period {
            model[Content.period.key] = .object(ReviewModels.period(period, formatter: formatter, locale: profile.locale))
            documentModel[DocumentField.period.key] = .text(period.name)
            let metrics = ReviewModels.metrics(
                site.metrics, customer: profile.id, period: period, formatter: formatter, locale: profile.locale, embeds: embeds,
                lowerIsBetter: site.config.lowerIsBetter, names: site.templateNames)
            model[Content.metrics.key] = .object(metrics.byName)
            model[Content.metricsList.key] = .list(metrics.list)
            model[Content.hasMetrics.key] = .bool(metrics.hasData)
            worsened = metrics.worsened
        }
        model[Content.document.key] = .object(documentModel)
        applyFallbacks(compiled.fallbacks, to: &model)

        // Title, subject and preheader first: the body may show them.
        var headerEmpties: [(path: String, tag: MustacheTag)] = []
        renderHeaders(compiled, into: &model, empties: &headerEmpties)

        // One walk renders the body and finds its empty fields and, for a
        // review, whether the page shows what went wrong.
        templates.output.removeAll()
        templates.findings = TemplateRenderer.Findings()
        do {
            try templates.render(compiled.body, library: site.contentPartials.compiled, context: .object(model))
        } catch {
            throw DiagnosticList([error])
        }
        let empties = templates.findings.emptyNames + headerEmpties
        if !empties.isEmpty {
            var seen = Set<SourceLocation>()
            var problems: [Diagnostic] = []
            for (path, tag) in empties {
                let location = SourceLocation(path: path, line: tag.line, column: tag.column)
                guard seen.insert(location).inserted else { continue }
                problems.append(
                    .error(
                        "\(tag.name) is empty for this customer; fill it in or add a fallback (front matter \"fallbacks:\" or rapport.yml)",
                        at: location, customer: profile.id))
            }
            throw DiagnosticList(problems)
        }
        if let worsened {
            let recordedIssues = site.notes[profile.id]?.hasIssues == true
            warnings += honestyWarnings(
                compiled, profile: profile, worsenedMetrics: worsened, recordedIssues: recordedIssues,
                showedIssues: templates.findings.showedIssues)
        }
        let markdown = templates.output.string
        let (html, text) = try content(compiled, markdown: markdown, embeds: embeds, plainText: plainText, profile: profile)
        let title = model.value(at: [Content.document.key, DocumentField.title.key])?.text ?? document.name
        let customerName = model.value(at: [Content.customer.key, TemplateVocabulary.Customer.name.key])?.text ?? profile.id
        return MergedDocument(
            model: model, markdown: markdown, html: html, plainText: text, warnings: warnings, title: title,
            customerName: customerName)
    }

    /// The customer's hub page listing their newsletters and reviews, as UTF-8 bytes.
    func hub(
        for profile: CustomerProfile, scope: ViewModel, newsletters: [CompiledDocument], reviews: [CompiledDocument]
    ) throws(Diagnostic) -> [UInt8] {
        typealias Hub = TemplateVocabulary.Hub
        typealias Entry = TemplateVocabulary.HubEntry
        var page = scope
        func entry(_ compiled: CompiledDocument) -> TemplateValue {
            var model = ViewModel(capacity: 8)
            model.append(Entry.edition.key, .text(compiled.document.name))
            model.append(Entry.name.key, .text(compiled.document.name))
            model.append(Entry.title.key, .text(compiled.genericTitle))
            model.append(Entry.date.key, .text(formatter.longDate(compiled.date, locale: profile.locale)))
            model.append(Entry.dateISO.key, .text(compiled.date.description))
            model.append(Entry.url.key, .text(SitePaths.documentFile(profile.slug, compiled.document)))
            model.append(Entry.printURL.key, .text(SitePaths.printFile(profile.slug, compiled.document)))
            if let period = compiled.period { model.append(Entry.periodLabel.key, .text(period.label)) }
            return .object(model)
        }
        page[Hub.newsletters.key] = .list(newsletters.map(entry))
        page[Hub.hasNewsletters.key] = .bool(!newsletters.isEmpty)
        page[Hub.reviews.key] = .list(reviews.map(entry))
        page[Hub.hasReviews.key] = .bool(!reviews.isEmpty)
        page[Hub.pageTitle.key] = .text(scope.value(at: [Content.customer.key, TemplateVocabulary.Customer.name.key])?.text ?? profile.id)
        page[Hub.root.key] = .text("../../")
        page[Hub.lang.key] = .text(profile.locale)
        page[Hub.generator.key] = .text(Self.generator)
        return try layout(LayoutName.hub, page)
    }

    /// `generator` on every page.
    static let generator = "rapport \(RapportVersion.current)"

    // MARK: - Private

    /// Renders layout `name` for `page` (UTF-8 bytes); a missing layout is an error.
    func layout(_ name: String, _ page: ViewModel) throws(Diagnostic) -> [UInt8] {
        templates.output.removeAll()
        try site.layouts.render(name, .object(page), with: &templates, path: LayoutName.path(name))
        return templates.output.bytes
    }

    /// How to render the plain-text twin of a body (an email's text part).
    struct PlainTextRequest {
        var width: Int
        var absoluteURL: (String) -> String
    }

    /// Renders merged Markdown to HTML and, when asked, to plain text. When
    /// the embeds' Markdown alternatives leave the Markdown as it is (no
    /// notes body or chart in it), both come from one parse.
    private func content(
        _ compiled: CompiledDocument, markdown: String, embeds: HTMLEmbeds, plainText: PlainTextRequest?, profile: CustomerProfile
    ) throws(DiagnosticList) -> (html: String, text: String?) {
        let options = MarkdownOptions(allowUnsafeHTML: compiled.document.frontMatter.unsafeHTML)
        let limits = site.config.markdown
        do {
            guard let plainText else { return (try MarkdownRenderer.renderHTML(markdown, options: options, limits: limits), nil) }
            let textMarkdown = embeds.resolveMarkdown(markdown)
            if textMarkdown == markdown {
                let both = try MarkdownRenderer.renderHTMLAndPlainText(
                    markdown, options: options, limits: limits, width: plainText.width, absoluteURL: plainText.absoluteURL)
                return (both.html, both.text)
            }
            return (
                try MarkdownRenderer.renderHTML(markdown, options: options, limits: limits),
                try MarkdownRenderer.renderPlainText(
                    textMarkdown, options: options, limits: limits, width: plainText.width, absoluteURL: plainText.absoluteURL)
            )
        } catch {
            throw DiagnosticList([
                .error(
                    "after merging this customer's data: \(error.message)",
                    at: SourceLocation(path: compiled.document.path), customer: profile.id)
            ])
        }
    }

    /// `documents` (every newsletter and review this customer gets, with the
    /// current one marked) and `previous_document` / `next_document` of the
    /// same kind, so a reader can move between editions.
    private func addDocumentLinks(current: CompiledDocument, documents: [CompiledDocument], slug: String, to page: inout ViewModel) {
        typealias Link = TemplateVocabulary.DocumentLink
        func link(_ compiled: CompiledDocument) -> TemplateValue {
            var model = ViewModel(capacity: 5)
            model.append(Link.title.key, .text(compiled.genericTitle))
            model.append(Link.kind.key, .text(compiled.document.kind.rawValue))
            model.append(Link.url.key, .text(SitePaths.documentFile(slug, compiled.document)))
            model.append(Link.printURL.key, .text(SitePaths.printFile(slug, compiled.document)))
            model.append(Link.current.key, .bool(compiled.document.path == current.document.path))
            return .object(model)
        }
        page[Page.documents.key] = .list(documents.map(link))
        let sameKind = documents.filter { $0.document.kind == current.document.kind }
        if let index = sameKind.firstIndex(where: { $0.document.path == current.document.path }) {
            if index > 0 { page[Page.previousDocument.key] = link(sameKind[index - 1]) }
            if index + 1 < sameKind.count { page[Page.nextDocument.key] = link(sameKind[index + 1]) }
        }
    }

    /// A review must say what went wrong: warn when a customer's numbers
    /// fell or they have open issues, but their review would show no issue.
    private func honestyWarnings(
        _ compiled: CompiledDocument, profile: CustomerProfile, worsenedMetrics: [String], recordedIssues: Bool, showedIssues: Bool
    ) -> [Diagnostic] {
        let location = SourceLocation(path: compiled.document.path)
        var warnings: [Diagnostic] = []
        if !worsenedMetrics.isEmpty, !recordedIssues {
            warnings.append(
                .warning(
                    "\(worsenedMetrics.joined(separator: ", ")) in \(compiled.period?.label ?? "the period") but the notes record no issue; the review would not say what went wrong (add issues: to Content/notes/\(profile.id).md)",
                    at: location, customer: profile.id))
        }
        if recordedIssues, !showedIssues {
            warnings.append(
                .warning(
                    "this customer has issues in their notes but their review would show none of them",
                    at: location, customer: profile.id))
        }
        return warnings
    }

    /// Replaces templated `document.title` / `subject` / `preheader` with
    /// this customer's text. A subject that was derived from the title
    /// follows the rendered title.
    private func renderHeaders(_ compiled: CompiledDocument, into model: inout ViewModel, empties: inout [(path: String, tag: MustacheTag)]) {
        guard !compiled.headerTemplates.isEmpty else { return }
        var document = model[Content.document.key]?.object ?? ViewModel()
        for field in [DocumentField.title, DocumentField.subject, DocumentField.preheader] {
            guard let header = compiled.headerTemplates[field.name] else { continue }
            var renderer = TemplateRenderer()
            // Headers include no partials and cannot recurse.
            try? renderer.render(header.compiled, library: [], context: .object(model))
            empties += renderer.findings.emptyNames
            document[field.key] = .text(renderer.output.string)
        }
        if compiled.document.frontMatter.subject == nil, let title = document[DocumentField.title.key] {
            document[DocumentField.subject.key] = title
        }
        model[Content.document.key] = .object(document)
    }

    /// Fills empty fields from the document's merged fallbacks.
    private func applyFallbacks(_ fallbacks: [CompiledDocument.Fallback], to model: inout ViewModel) {
        for fallback in fallbacks where model.value(at: fallback.keys)?.isBlank ?? true {
            model.setValue(.text(fallback.value), at: fallback.keys[...])
        }
    }
}
