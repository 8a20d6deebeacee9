import Mustache
import RapportMarkdown

/// The swift-mustache content type for Markdown content: `{{x}}` merges the
/// value so cmark-gfm shows it literally (escaped for Markdown, then HTML).
///
/// Content templates start with `{{%CONTENT_TYPE:MARKDOWN}}`; swift-mustache
/// resets the content type to HTML inside partials, so every content partial
/// carries the pragma too (see `ContentTemplates`).
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"
    static let pragma = "{{%CONTENT_TYPE:MARKDOWN}}\n"

    func escapeText(_ text: String) -> String {
        MarkdownEscaping.escapeLiteral(text)
    }

    /// Registers the content type once per process; the registry is global.
    static let register: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
    }()
}
