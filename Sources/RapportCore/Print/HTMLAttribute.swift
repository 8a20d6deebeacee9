/// One attribute of a scanned tag, with its source text kept so that a tag
/// the inliner does not change is written back byte for byte.
struct HTMLAttribute: Hashable, Sendable {
    /// Lowercased, as HTML compares names.
    var name: String
    /// The value with character references decoded; nil for a bare attribute.
    var value: String?
    /// The attribute as written (`href="a&amp;b"`).
    var text: String

    /// An attribute written fresh, double-quoted and escaped.
    init(name: String, value: String) {
        self.name = name
        self.value = value
        self.text = "\(name)=\"\(HTMLEntities.escapeAttribute(value))\""
    }

    init(name: String, value: String?, text: String) {
        self.name = name
        self.value = value
        self.text = text
    }
}
