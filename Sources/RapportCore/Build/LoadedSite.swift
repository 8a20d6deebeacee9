/// Everything read from a site folder and checked, ready to render.
struct LoadedSite: Sendable {
    var config: SiteConfig
    /// Customers in file order, typed and slugged.
    var customers: [CustomerProfile]
    var newsletters: [CompiledDocument]
    var reviews: [CompiledDocument]
    /// Account notes by customer id: checked, and read again as pages need them.
    var notes: NotesIndex
    /// Monthly metrics, when the site has them.
    var metrics: MetricsTable?
    /// Makes print pages self-contained (CSS and images inlined).
    var printPages: PrintPages
    /// Names, sizes and times of Content/assets (print pages inline them).
    var assetsFingerprint: String
    /// Per-build secret in the tokens that carry HTML through Markdown.
    var embedNonce: String
    var contentPartials: TemplateLibrary
    var layouts: TemplateLibrary
    /// Every name part any template of the site uses (`TemplateNames`).
    var templateNames: Set<String>
    /// Site-wide hash of config, layouts, partials and rapport's version.
    var sharedInputsHash: String
    var warnings: [Diagnostic]
}

/// A content document with its body scanned and compiled.
struct CompiledDocument: Sendable {
    /// A value for a field a customer left empty: `fallbacks:` of
    /// rapport.yml overridden by the front matter's.
    struct Fallback: Sendable {
        /// The field's path, as written (`customer.first_name`).
        var path: String
        /// The path as keys, resolved once at load.
        var keys: [TemplateKey]
        var value: String
    }

    var document: ContentDocument
    var nodes: [MustacheNode]
    /// The body compiled against the content partials.
    var body: CompiledTemplate
    /// `title`, `subject` and `preheader` as templates, by key.
    var headerTemplates: [String: CompiledText] = [:]
    var layoutName: String
    var date: CalendarDate
    /// For reviews: the months they look back on.
    var period: ReviewPeriod?
    /// `fallbacks:` of rapport.yml overridden by the front matter's, sorted
    /// by path: merged once here rather than for every customer.
    var fallbacks: [Fallback] = []
    var sourceHash: String
    /// The title on pages about all its readers and in links between
    /// editions (`SitePageRenderer.genericTitle`): made once, not per link.
    var genericTitle: String
}

/// A short template from front matter (a title or subject line).
struct CompiledText: Sendable {
    var nodes: [MustacheNode]
    var compiled: CompiledTemplate
    var path: String
}
