/// An opening tag found by the print inliner's scanner.
struct HTMLTag: Hashable, Sendable {
    /// Lowercased.
    var name: String
    var attributes: [HTMLAttribute]
    /// Written as `<x ... />`.
    var selfClosing: Bool
    /// The byte range of the whole tag in the page, `<` to `>`.
    var range: Range<Int>

    /// The decoded value of the first attribute called `name`.
    func value(of name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The tag as HTML, each attribute as written or as rewritten.
    var html: String {
        var text = "<" + name
        for attribute in attributes {
            text += " " + attribute.text
        }
        return text + (selfClosing ? " />" : ">")
    }
}
