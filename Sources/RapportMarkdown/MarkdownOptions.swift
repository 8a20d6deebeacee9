/// How Markdown is turned into HTML: which cmark-gfm options are switched on.
public struct MarkdownOptions: Sendable, Hashable {
    /// Keeps raw HTML and every link URL (`CMARK_OPT_UNSAFE`); off by default,
    /// so raw HTML becomes `<!-- raw HTML omitted -->` and `javascript:` links lose their href.
    public var allowUnsafeHTML: Bool
    /// Curly quotes, en/em dashes and ellipses (`CMARK_OPT_SMART`).
    public var smartPunctuation: Bool
    /// `[^note]` references and `[^note]: text` definitions (`CMARK_OPT_FOOTNOTES`).
    public var footnotes: Bool
    /// Renders every line break inside a paragraph as `<br />` (`CMARK_OPT_HARDBREAKS`).
    public var hardBreaks: Bool

    /// Creates options; the defaults are the safe ones a newsletter wants.
    public init(
        allowUnsafeHTML: Bool = false,
        smartPunctuation: Bool = true,
        footnotes: Bool = true,
        hardBreaks: Bool = false
    ) {
        self.allowUnsafeHTML = allowUnsafeHTML
        self.smartPunctuation = smartPunctuation
        self.footnotes = footnotes
        self.hardBreaks = hardBreaks
    }
}
