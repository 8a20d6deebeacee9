import RapportMarkdown

/// The content type of Markdown content: `{{x}}` merges the value so
/// cmark-gfm shows it literally (escaped for Markdown, then HTML).
/// Content templates and content partials start with its pragma.
struct MarkdownContentType: RapportContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        MarkdownEscaping.escapeLiteral(text)
    }
}
