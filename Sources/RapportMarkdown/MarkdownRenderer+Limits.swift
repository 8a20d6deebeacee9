extension MarkdownRenderer {
    /// Checks `markdown` against `limits` without rendering, so a template
    /// can be refused at load time with the line in its own file.
    public static func checkLimits(_ markdown: String, limits: MarkdownLimits = .init()) throws(MarkdownError) {
        try MarkdownLimitGuard.check(markdown, against: limits)
    }
}
