import Foundation

/// A page rendered on request from a site held in memory, for
/// `rapport serve`: after a save, the pages open in the browser are rendered
/// from the new sources at once, before the whole site rebuilds.
///
/// A save to a newsletter or review reads just the documents again
/// (`SiteLoader.reloadDocuments`); any other change loads the site anew.
/// The pages are the ones `rapport build` writes, byte for byte: the same
/// `PageRenderer` and `SitePageRenderer` make them.
public final class PreviewPages: @unchecked Sendable {
    // @unchecked: `loaded` is only read and replaced under `lock`; a render
    // works on its own copy of the (copy-on-write) site.
    private let lock = NSLock()
    private var loaded: Loaded?
    private var _options: BuildOptions
    /// The options of the last refresh (its "today" moves with the calendar).
    public var options: BuildOptions { lock.withLock { _options } }

    private struct Loaded {
        var site: LoadedSite
        var schema: FieldSchema
        var customerIndex: [String: Int]
        /// Every customer's dashboard row: made from records and notes, so a
        /// documents-only refresh keeps them.
        var rows: [DashboardRow]
        /// The site pages (dashboard, lists, team, overviews) by path, made
        /// when one is first asked for after a refresh.
        var sitePages: [String: SitePageRenderer.Job]?
    }

    public init(options: BuildOptions) {
        _options = options
    }

    /// Whether a site is in memory.
    public var isLoaded: Bool { lock.withLock { loaded != nil } }

    /// Brings the site in memory up to date with `changed` (paths relative
    /// to the site): documents alone are read again; anything else, or no
    /// site yet, loads everything.
    public func refresh(changed: Set<String>, options: BuildOptions) throws(DiagnosticList) {
        let current = lock.withLock {
            _options = options
            return loaded
        }
        if var current, !changed.isEmpty, changed.allSatisfy(Self.isDocument) {
            try SiteLoader(options: options).reloadDocuments(into: &current.site, schema: current.schema)
            current.sitePages = nil
            lock.withLock { loaded = current }
            return
        }
        let site = try SiteLoader(options: options).load()
        let index = Dictionary(site.customers.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let fresh = Loaded(
            site: site, schema: ContentSchema.newsletter(for: site.customers), customerIndex: index,
            rows: DashboardRow.rows(for: site, today: options.today, jobs: options.jobs), sitePages: nil)
        lock.withLock { loaded = fresh }
    }

    /// Forgets the site (its sources failed to load).
    public func forget() {
        lock.withLock { loaded = nil }
    }

    /// Whether `relativePath` (in the output) is one customer's page: a hub,
    /// newsletter, review or print page.
    public static func isCustomerPage(_ relativePath: String) -> Bool {
        PagePath(relativePath) != nil
    }

    /// The page at `relativePath` as a build would write it now: a
    /// customer's page or a site page (dashboard, lists, team, overviews);
    /// nil when the site has no such page.
    public func render(_ relativePath: String) throws(DiagnosticList) -> String? {
        guard let loaded = lock.withLock({ loaded }) else { return nil }
        guard let path = PagePath(relativePath) else { return try renderSitePage(relativePath, loaded) }
        guard let index = loaded.customerIndex[path.slug] else { return nil }
        let site = loaded.site
        let options = self.options
        let profile = site.customers[index]
        let (newsletters, reviews) = site.documents(for: profile)
        let renderer = PageRenderer(site: site, today: options.today)
        let scope = renderer.scope(for: profile)
        let (pageScope, embeds): (ViewModel, HTMLEmbeds)
        do {
            (pageScope, embeds) = try renderer.pageScope(scope, for: profile)
        } catch {
            throw DiagnosticList([error])
        }
        switch path.page {
        case .hub:
            do {
                let hub = embeds.resolve(bytes: try renderer.hub(for: profile, scope: pageScope, newsletters: newsletters, reviews: reviews))
                return String(decoding: hub, as: UTF8.self)
            } catch {
                throw DiagnosticList([error])
            }
        case .document(let kind, let name, let print):
            guard let compiled = (newsletters + reviews).first(where: { $0.document.kind == kind && $0.document.name == name }) else {
                return nil
            }
            let rendered = try renderer.render(compiled, for: profile, scope: pageScope, embeds: embeds, documents: newsletters + reviews)
            return (print ? rendered.print : rendered.web).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// A site page, from the jobs a build would run (made once per refresh).
    private func renderSitePage(_ relativePath: String, _ loaded: Loaded) throws(DiagnosticList) -> String? {
        guard relativePath.hasSuffix(".html") else { return nil }
        var jobs = loaded.sitePages
        if jobs == nil {
            let renderer = SitePageRenderer(site: loaded.site, today: options.today, customers: loaded.site.customers, rows: loaded.rows)
            let made = Dictionary(renderer.jobs().map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            jobs = made
            lock.withLock {
                // Kept only if no refresh came in between.
                if self.loaded?.site.newsletters.map(\.sourceHash) == loaded.site.newsletters.map(\.sourceHash),
                    self.loaded?.site.reviews.map(\.sourceHash) == loaded.site.reviews.map(\.sourceHash)
                {
                    self.loaded?.sitePages = made
                }
            }
        }
        guard let job = jobs?[relativePath] else { return nil }
        do {
            return try job.render()
        } catch {
            throw DiagnosticList([error])
        }
    }

    /// Newsletters and reviews: the files a save most often touches, and
    /// the ones that can be read again alone.
    static func isDocument(_ sitePath: String) -> Bool {
        (sitePath.hasPrefix("Content/newsletters/") || sitePath.hasPrefix("Content/reviews/")) && sitePath.hasSuffix(".md")
    }

    /// A customer page's path, read back from `SitePaths`' shapes.
    struct PagePath {
        enum Page {
            case hub
            case document(ContentDocument.Kind, name: String, print: Bool)
        }

        var slug: String
        var page: Page

        init?(_ relativePath: String) {
            let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 3, parts[0] == "customers", parts[2] == "index.html", parts[1] != "page" {
                (slug, page) = (parts[1], .hub)
            } else if parts.count == 5, parts[0] == "customers", parts[4] == "index.html",
                let kind = Self.kind(folder: parts[2])
            {
                (slug, page) = (parts[1], .document(kind, name: parts[3], print: false))
            } else if parts.count == 3, parts[0] == "print", parts[2].hasSuffix(".html") {
                let file = String(parts[2].dropLast(".html".count))
                guard let dash = file.firstIndex(of: "-"), let kind = ContentDocument.Kind(rawValue: String(file[..<dash])) else {
                    return nil
                }
                (slug, page) = (parts[1], .document(kind, name: String(file[file.index(after: dash)...]), print: true))
            } else {
                return nil
            }
        }

        private static func kind(folder: String) -> ContentDocument.Kind? {
            switch folder {
            case "newsletters": .newsletter
            case "reviews": .review
            default: nil
            }
        }
    }
}
