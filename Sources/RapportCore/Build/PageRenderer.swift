import Foundation
import RapportMarkdown

/// Renders one customer's pages: merge, Markdown, layout.
///
/// Not shared between threads: each render worker makes its own, because
/// the Foundation formatters it caches are not thread-safe.
final class PageRenderer {
    let site: LoadedSite
    let today: CalendarDate
    private let formatter = LocaleFormatter()
    private let checker: FieldChecker
    private var builder: ViewModelBuilder { ViewModelBuilder(config: site.config, today: today, formatter: formatter) }

    init(site: LoadedSite, today: CalendarDate) {
        self.site = site
        self.today = today
        self.checker = FieldChecker(partials: site.contentPartials.entries)
    }

    /// The customer's own values (`customer`, `sender`, `site`).
    func scope(for profile: CustomerProfile) -> ViewModel {
        builder.customerScope(for: profile)
    }

    /// One newsletter as `profile` will read it, as a whole HTML page.
    func newsletter(_ compiled: CompiledDocument, for profile: CustomerProfile, scope: ViewModel) throws(DiagnosticList) -> String {
        let document = compiled.document
        var model = scope
        model["document"] = builder.document(document, date: compiled.date, locale: profile.locale)
        applyFallbacks(document: document, to: &model)

        var empty = checker.emptyFields(in: compiled.nodes, path: document.path, model: model)
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

        let markdown: String
        do {
            markdown = try site.contentPartials.renderDocument(compiled, model)
        } catch {
            throw DiagnosticList([error])
        }
        let html: String
        do {
            html = try MarkdownRenderer.renderHTML(
                markdown, options: MarkdownOptions(allowUnsafeHTML: document.frontMatter.unsafeHTML),
                limits: site.config.markdown)
        } catch {
            throw DiagnosticList([
                .error(
                    "after merging this customer's data: \(error.message)",
                    at: SourceLocation(path: document.path), customer: profile.id)
            ])
        }
        var page = model
        page["content"] = html
        page["page_title"] = "\(model.value(atPath: "document.title") as? String ?? document.name) — \(model.value(atPath: "customer.name") as? String ?? profile.id)"
        page["root"] = "../../../../"
        page["lang"] = profile.locale
        page["generator"] = "rapport \(RapportVersion.current)"
        page["hub_url"] = SitePaths.hub(profile.slug)
        page["edition_url"] = SitePaths.edition(document.name)
        do {
            return try site.layouts.render(compiled.layoutName, page, path: "Layouts/\(compiled.layoutName).mustache")
        } catch {
            throw DiagnosticList([error])
        }
    }

    /// The customer's hub page listing their newsletters.
    func hub(for profile: CustomerProfile, scope: ViewModel, newsletters: [CompiledDocument]) throws(Diagnostic) -> String {
        var page = scope
        page["newsletters"] = newsletters.map { compiled -> ViewModel in
            [
                "edition": compiled.document.name,
                "title": compiled.document.frontMatter.title ?? compiled.document.name,
                "date": formatter.longDate(compiled.date, locale: profile.locale),
                "date_iso": compiled.date.description,
                "url": SitePaths.newsletter(profile.slug, compiled.document.name),
            ]
        }
        page["has_newsletters"] = !newsletters.isEmpty
        page["page_title"] = scope.value(atPath: "customer.name") as? String ?? profile.id
        page["root"] = "../../"
        page["lang"] = profile.locale
        page["generator"] = "rapport \(RapportVersion.current)"
        return try site.layouts.render("customer", page, path: "Layouts/customer.mustache")
    }

    // MARK: - Private

    /// Replaces templated `document.title` / `subject` / `preheader` with
    /// this customer's text. A subject that was derived from the title
    /// follows the rendered title.
    private func renderHeaders(_ compiled: CompiledDocument, into model: inout ViewModel) {
        guard !compiled.headerTemplates.isEmpty else { return }
        var document = model["document"] as? ViewModel ?? [:]
        for key in ["title", "subject", "preheader"] {
            if let header = compiled.headerTemplates[key] {
                document[key] = header.template.render(model)
            }
        }
        if compiled.document.frontMatter.subject == nil, let title = document["title"] {
            document["subject"] = title
        }
        model["document"] = document
    }

    /// Fills empty fields from `fallbacks:` (front matter first, then rapport.yml).
    private func applyFallbacks(document: ContentDocument, to model: inout ViewModel) {
        let fallbacks = site.config.fallbacks.merging(document.frontMatter.fallbacks) { _, documentValue in documentValue }
        for (path, value) in fallbacks.sorted(by: { $0.key < $1.key }) {
            let current = model.value(atPath: path)
            if current == nil || (current as? String)?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
                model.setValue(value, atPath: path)
            }
        }
    }
}
