import Mustache

/// The content type rapport's layouts render with: the same escaping as
/// swift-mustache's default HTML type, done on UTF-8 bytes.
///
/// swift-mustache escapes character by character through a dictionary of
/// `Character`s; on a page of merged customer values that was 7% of a
/// build's CPU. Its default content type cannot be replaced, so layouts and
/// layout partials start with this pragma instead (partials reset the type).
struct LayoutHTMLContentType: MustacheContentType {
    static let name = "RAPPORT_HTML"
    static let pragma = "{{%CONTENT_TYPE:\(name)}}\n"

    func escapeText(_ text: String) -> String {
        HTMLText.escape(text)
    }

    /// Registers the content type once per process; the registry is global.
    static let register: Void = {
        MustacheContentTypes.register(LayoutHTMLContentType(), named: name)
    }()
}
