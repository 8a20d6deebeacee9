import Foundation
import RapportMarkdown

/// Renders one customer's pages: merge, Markdown, layout.
///
/// Not shared between threads: each render worker makes its own, because
/// the Foundation formatters it caches are not thread-safe.
final class PageRenderer {
    let site: LoadedSite
    let today: CalendarDate
    let formatter = LocaleFormatter()
    private let checker: FieldChecker
    private var builder: ViewModelBuilder { ViewModelBuilder(config: site.config, today: today, formatter: formatter) }

    /// A document rendered for one customer.
    struct RenderedDocument {
        var web: String
        /// The self-contained print page, when the site has a print layout.
        var print: String?
        var warnings: [Diagnostic]
    }

    init(site: LoadedSite, today: CalendarDate) {
        self.site = site
        self.today = today
        self.checker = FieldChecker(partials: site.contentPartials.entries)
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
            scope["notes"] = notes.viewModel(embeds: embeds, formatter: formatter, locale: profile.locale)
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
        let document = compiled.document
        var model = scope
        var documentModel = builder.document(document, date: compiled.date, locale: profile.locale)
        var warnings: [Diagnostic] = []
        var worsened: [String]?
        if let period = compiled.period {
            let periodModel = ReviewModels.period(period, formatter: formatter, locale: profile.locale)
            model["period"] = periodModel
            documentModel["period"] = period.name
            let metrics = ReviewModels.metrics(
                site.metrics, customer: profile.id, period: period, formatter: formatter, locale: profile.locale, embeds: embeds,
                lowerIsBetter: site.config.lowerIsBetter, names: site.templateNames)
            model["metrics"] = metrics.byName
            model["metrics_list"] = metrics.list
            model["has_metrics"] = metrics.hasData
            worsened = metrics.worsened
        }
        model["document"] = documentModel
        applyFallbacks(compiled.fallbacks, to: &model)

        // One walk finds the empty fields and, for a review of a customer
        // with recorded issues, whether the page shows any of them.
        let recordedIssues = compiled.period != nil && site.notes[profile.id]?.hasIssues == true
        let walked = checker.walk(compiled.nodes, path: document.path, model: model, collectingVisited: recordedIssues)
        var empty = walked.empty
        if let worsened {
            warnings += honestyWarnings(compiled, profile: profile, worsenedMetrics: worsened, shownNames: recordedIssues ? walked.visited : nil)
        }
        for key in ["title", "subject", "preheader"] {
            guard let header = compiled.headerTemplates[key] else { continue }
            empty += checker.emptyFields(in: header.nodes, path: header.path, model: model)
        }
        if !empty.isEmpty {
            var seen = Set<String>()
            var problems: [Diagnostic] = []
            for (tag, path) in empty where seen.insert("\(path):\(tag.line):\(tag.column)").inserted {
                problems.append(
                    .error(
                        "\(tag.name) is empty for this customer; fill it in or add a fallback (front matter \"fallbacks:\" or rapport.yml)",
                        at: SourceLocation(path: path, line: tag.line, column: tag.column), customer: profile.id))
            }
            throw DiagnosticList(problems)
        }
        renderHeaders(compiled, into: &model)

        let html = try content(compiled, model: model, profile: profile)
        var page = model
        page["content"] = html
        page["page_title"] = "\(model.value(atPath: "document.title") as? String ?? document.name) — \(model.value(atPath: "customer.name") as? String ?? profile.id)"
        page["lang"] = profile.locale
        page["generator"] = "rapport \(RapportVersion.current)"
        page["hub_url"] = SitePaths.hub(profile.slug)
        page["edition_url"] = SitePaths.overview(document)
        page["print_url"] = SitePaths.printFile(profile.slug, document)
        page["web_url"] = SitePaths.documentFile(profile.slug, document)
        let customerName = model.value(atPath: "customer.name") as? String ?? profile.id
        page["customer_name_for_header"] = customerName
        addDocumentLinks(current: compiled, documents: documents, slug: profile.slug, to: &page)
        // Chromium cannot read string-set into page margins: the print
        // layout puts the name into CSS itself, quoted and escaped.
        page["customer_name_css"] = CSSText.quoted(customerName)
        page["paper"] = site.config.paper.rawValue
        page["paper_size"] = site.config.paper.cssSize

        var rendered = RenderedDocument(web: "", print: nil, warnings: warnings)
        do {
            page["root"] = "../../../../"
            let layoutPath = "Layouts/\(compiled.layoutName).mustache"
            rendered.web = embeds.resolve(try site.layouts.render(compiled.layoutName, page, path: layoutPath))
            if site.layouts.contains("print") {
                page["root"] = "../../"
                // Charts join after inlining: they are rapport's own SVG, and
                // scanning their many elements for references was wasted time.
                let layoutOutput = try site.layouts.render("print", page, path: "Layouts/print.mustache")
                let printPath = SitePaths.printFile(profile.slug, document)
                let (inlined, problems) = site.printPages.selfContained(
                    embeds.resolve(layoutOutput, keepingSelfContained: true), path: printPath)
                rendered.print = embeds.resolve(inlined)
                rendered.warnings += problems.map { var warning = $0; warning.customerID = profile.id; return warning }
            }
        } catch {
            throw DiagnosticList([error])
        }
        return rendered
    }

    /// The customer's hub page listing their newsletters and reviews.
    func hub(
        for profile: CustomerProfile, scope: ViewModel, newsletters: [CompiledDocument], reviews: [CompiledDocument]
    ) throws(Diagnostic) -> String {
        var page = scope
        func entry(_ compiled: CompiledDocument) -> ViewModel {
            var model: ViewModel = [
                "edition": compiled.document.name,
                "name": compiled.document.name,
                "title": SitePageRenderer.genericTitle(compiled),
                "date": formatter.longDate(compiled.date, locale: profile.locale),
                "date_iso": compiled.date.description,
                "url": SitePaths.documentFile(profile.slug, compiled.document),
                "print_url": SitePaths.printFile(profile.slug, compiled.document),
            ]
            if let period = compiled.period { model["period_label"] = period.label }
            return model
        }
        page["newsletters"] = newsletters.map(entry)
        page["has_newsletters"] = !newsletters.isEmpty
        page["reviews"] = reviews.map(entry)
        page["has_reviews"] = !reviews.isEmpty
        page["page_title"] = scope.value(atPath: "customer.name") as? String ?? profile.id
        page["root"] = "../../"
        page["lang"] = profile.locale
        page["generator"] = "rapport \(RapportVersion.current)"
        return try site.layouts.render("customer", page, path: "Layouts/customer.mustache")
    }

    // MARK: - Private

    /// Merges the body and renders its Markdown to HTML.
    private func content(_ compiled: CompiledDocument, model: ViewModel, profile: CustomerProfile) throws(DiagnosticList) -> String {
        let markdown: String
        do {
            markdown = try site.contentPartials.renderDocument(compiled, model)
        } catch {
            throw DiagnosticList([error])
        }
        do {
            return try MarkdownRenderer.renderHTML(
                markdown, options: MarkdownOptions(allowUnsafeHTML: compiled.document.frontMatter.unsafeHTML),
                limits: site.config.markdown)
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
        func link(_ compiled: CompiledDocument) -> ViewModel {
            [
                "title": SitePageRenderer.genericTitle(compiled),
                "kind": compiled.document.kind.rawValue,
                "url": SitePaths.documentFile(slug, compiled.document),
                "print_url": SitePaths.printFile(slug, compiled.document),
                "current": compiled.document.path == current.document.path,
            ]
        }
        page["documents"] = documents.map(link)
        let sameKind = documents.filter { $0.document.kind == current.document.kind }
        if let index = sameKind.firstIndex(where: { $0.document.path == current.document.path }) {
            if index > 0 { page["previous_document"] = link(sameKind[index - 1]) }
            if index + 1 < sameKind.count { page["next_document"] = link(sameKind[index + 1]) }
        }
    }

    /// A review must say what went wrong: warn when a customer's numbers
    /// fell or they have open issues, but their review would show no issue.
    /// `shownNames` are the names the page shows, nil when the customer's
    /// notes record no issue.
    private func honestyWarnings(
        _ compiled: CompiledDocument, profile: CustomerProfile, worsenedMetrics: [String], shownNames: Set<String>?
    ) -> [Diagnostic] {
        let location = SourceLocation(path: compiled.document.path)
        var warnings: [Diagnostic] = []
        if !worsenedMetrics.isEmpty, shownNames == nil {
            warnings.append(
                .warning(
                    "\(worsenedMetrics.joined(separator: ", ")) in \(compiled.period?.label ?? "the period") but the notes record no issue; the review would not say what went wrong (add issues: to Content/notes/\(profile.id).md)",
                    at: location, customer: profile.id))
        }
        if let shownNames, !shownNames.contains(where: { $0.hasPrefix("notes.issues") }) {
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
    private func renderHeaders(_ compiled: CompiledDocument, into model: inout ViewModel) {
        guard !compiled.headerTemplates.isEmpty else { return }
        var document = model["document"] as? ViewModel ?? [:]
        for key in ["title", "subject", "preheader"] {
            if let header = compiled.headerTemplates[key] {
                if TemplateLibrary.usesSwiftMustache {
                    document[key] = header.template.render(model)
                } else {
                    var renderer = TemplateRenderer()
                    try? renderer.render(header.compiled, library: [], context: TemplateValue(viewModel: model))
                    document[key] = renderer.output.string
                }
            }
        }
        if compiled.document.frontMatter.subject == nil, let title = document["title"] {
            document["subject"] = title
        }
        model["document"] = document
    }

    /// Fills empty fields from the document's merged fallbacks.
    private func applyFallbacks(_ fallbacks: [(path: String, value: String)], to model: inout ViewModel) {
        for (path, value) in fallbacks {
            let current = model.value(atPath: path)
            if current == nil || (current as? String)?.isBlank == true {
                model.setValue(value, atPath: path)
            }
        }
    }
}
