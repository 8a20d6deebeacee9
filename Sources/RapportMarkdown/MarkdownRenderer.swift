import CCmarkGFM

/// Renders GitHub-flavoured Markdown to HTML fragments with cmark-gfm.
///
/// Safe to call from many threads at once: see `MarkdownRenderer+Cmark.swift`
/// for how cmark-gfm's process-wide state is guarded.
public enum MarkdownRenderer {
    /// Renders GFM to an HTML fragment.
    ///
    /// Always on: the table, strikethrough, autolink, tasklist and tagfilter
    /// extensions, and `CMARK_OPT_VALIDATE_UTF8`. Footnotes, smart punctuation,
    /// hard breaks and unsafe HTML follow `options`. The input is checked
    /// against `limits` first; a document over a limit throws without reaching cmark.
    public static func renderHTML(
        _ markdown: String,
        options: MarkdownOptions = .init(),
        limits: MarkdownLimits = .init()
    ) throws(MarkdownError) -> String {
        try MarkdownLimitGuard.check(markdown, against: limits)
        return cmarkRenderHTML(markdown, options: options.cmarkOptions)
    }

    /// The linked cmark-gfm library's version, e.g. `0.29.0.gfm.6`.
    public static var cmarkVersion: String {
        String(cString: cmark_version_string())
    }
}
