/// How `{{x}}` merges a value into a template's output; fixed per
/// template when it compiles, changed from a tag on by `{{%CONTENT_TYPE:...}}`.
public enum TemplateContentType: Sendable, Hashable {
    /// Markdown content: the value shows literally once cmark-gfm renders it
    /// (`MarkdownEscaping`), never as emphasis, HTML or a new block.
    case markdown
    /// Layouts: `& < > " '` become character references.
    case html
    /// Plain text (subjects, titles): the value unchanged; whoever shows it escapes it.
    case text
    /// A URL template (an unsubscribe link): every byte but RFC 3986's
    /// unreserved characters is percent-encoded, so a value can neither
    /// leave its path segment or query value nor add a parameter.
    case url

    /// The content type a `{{%CONTENT_TYPE:NAME}}` pragma names, if rapport knows it.
    init?(pragmaName: String) {
        switch pragmaName {
        case "HTML": self = .html
        case "TEXT": self = .text
        default: return nil
        }
    }

    /// The names `init(pragmaName:)` accepts, for the scanner.
    static let pragmaNames: Set<String> = ["HTML", "TEXT"]
}
