/// One Mustache tag as written in a template, with the place it starts.
public struct MustacheTag: Hashable, Sendable, CustomStringConvertible {
    /// What the tag does, decided by the character after `{{`.
    public enum Kind: Hashable, Sendable {
        /// `{{name}}`
        case variable
        /// `{{{name}}}` or `{{&name}}`
        case unescapedVariable
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case invertedSection
        /// `{{/name}}`; only appears in diagnostics, the tree closes sections itself.
        case sectionEnd
        /// `{{>name}}`; a dynamic partial `{{>*name}}` keeps the `*` in the name.
        case partial
        /// `{{<name}}`
        case parentPartial
        /// `{{$name}}`
        case block
        /// `{{!text}}`; the name is the trimmed comment text.
        case comment
        /// `{{=<% %>=}}`; never accepted, listed so diagnostics can name it.
        case setDelimiter
        /// `{{%CONTENT_TYPE:HTML}}`; the name is `CONTENT_TYPE:HTML`.
        case pragma
    }

    public var kind: Kind
    /// The trimmed name, e.g. `customer.first_name`; for `uppercased(name)` this is `name`.
    public var name: String
    /// Transforms wrapped around the name, outermost first: `a(b(name))` gives `["a", "b"]`.
    public var transforms: [String]
    /// 1-based line of the opening `{{`, counted from the top of the original file.
    public var line: Int
    /// 1-based column of the opening `{{`, in characters (grapheme clusters).
    public var column: Int

    /// Creates a tag; `transforms` are listed outermost first.
    public init(_ kind: Kind, _ name: String, transforms: [String] = [], line: Int, column: Int) {
        self.kind = kind
        self.name = name
        self.transforms = transforms
        self.line = line
        self.column = column
    }

    /// The tag in canonical form, e.g. `{{#sorted(items)}}`, for messages.
    public var description: String {
        let body = transforms.reversed().reduce(name) { inner, transform in "\(transform)(\(inner))" }
        switch kind {
        case .variable: return "{{\(body)}}"
        case .unescapedVariable: return "{{{\(body)}}}"
        case .section: return "{{#\(body)}}"
        case .invertedSection: return "{{^\(body)}}"
        case .sectionEnd: return "{{/\(body)}}"
        case .partial: return "{{>\(body)}}"
        case .parentPartial: return "{{<\(body)}}"
        case .block: return "{{$\(body)}}"
        case .comment: return "{{!\(body)}}"
        case .setDelimiter: return "{{=\(body)=}}"
        case .pragma: return "{{%\(body)}}"
        }
    }
}
