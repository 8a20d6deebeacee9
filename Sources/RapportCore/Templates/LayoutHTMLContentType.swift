/// The content type rapport's layouts render with: the same escaping as
/// swift-mustache's default HTML type, done on UTF-8 bytes.
///
/// swift-mustache escapes character by character through a dictionary of
/// `Character`s; on a page of merged customer values that was 7% of a
/// build's CPU. Its default content type cannot be replaced, so layouts and
/// layout partials start with this type's pragma instead.
struct LayoutHTMLContentType: RapportContentType {
    static let name = "RAPPORT_HTML"

    func escapeText(_ text: String) -> String {
        HTMLText.escape(text)
    }
}
