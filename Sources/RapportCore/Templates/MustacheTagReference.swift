// Named MustacheTagReference.swift because this folder only allows
// MustacheScanner* and MustacheTag* file names.

/// A tag that names data or another template, with the sections around it.
public struct MustacheReference: Hashable, Sendable {
    /// The variable, section, inverted section, block, partial or parent partial tag.
    public var tag: MustacheTag
    /// Every section-like tag enclosing `tag`, outermost first; name resolution
    /// needs them because `{{name}}` inside `{{#items}}` may mean `items.name`.
    public var enclosingSections: [MustacheTag]

    /// Creates a reference; `enclosingSections` are listed outermost first.
    public init(tag: MustacheTag, enclosingSections: [MustacheTag]) {
        self.tag = tag
        self.enclosingSections = enclosingSections
    }
}
