/// The YAML block at the top of a content file, between `---` lines.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    public var subject: String?
    public var preheader: String?
    /// The document's date as written (`YYYY-MM-DD`), validated.
    public var date: CalendarDate?
    public var audience: Audience = .everyone
    public var fallbacks: [String: String] = [:]
    public var layout: String?
    /// Keeps raw HTML and any URL in the Markdown (off by default).
    public var unsafeHTML = false
    /// Where `layout:` was written, for a missing-layout error.
    public var layoutLocation: SourceLocation?
    /// Where `title`, `subject` and `preheader` were written: they are
    /// Mustache templates too (a subject line can greet the customer).
    public var textLocations: [String: SourceLocation] = [:]

    /// A review's custom period (`period: {start: 2026-10, end: 2026-12}`),
    /// as written; the file name (`2026-Q4`) gives it otherwise.
    public var periodStart: String?
    public var periodEnd: String?
    public var periodLocation: SourceLocation?

    public init() {}
}
