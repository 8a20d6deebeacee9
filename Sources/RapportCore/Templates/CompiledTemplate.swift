/// A template compiled for rendering: its literal text as UTF-8 bytes, a
/// flat list of operations over it, and the names its tags look up.
///
/// Sections, blocks and parents hold their contents as the operations that
/// follow them up to `end`, so rendering walks arrays of small values and
/// never a tree of strings.
public struct CompiledTemplate: Sendable {
    /// The name partials and parents use to include it.
    public let name: String
    /// The file it came from, as diagnostics print it.
    public let path: String
    /// How `{{x}}` escapes until a `{{%CONTENT_TYPE:...}}` tag changes it.
    let contentType: TemplateContentType
    /// Every literal byte: text between tags and partial indentations.
    var text: [UInt8] = []
    var ops: [TemplateOp] = []
    /// The names `.value`, `.section` and `.inverted` look up, by index.
    var names: [CompiledName] = []
    /// What each `{{<parent}}` overrides and how it is indented, by index.
    var parentCalls: [ParentCall] = []
    /// Every name part its tags use, for values made only when some template shows them.
    var nameParts: Set<String> = []
}

/// One step of a compiled template. Indices are `Int32` to keep the
/// operations small: a page runs a few thousand of them.
enum TemplateOp: Sendable {
    /// Copies `text[start..<end]`.
    case text(start: Int32, end: Int32)
    /// Merges a value, escaped for the content type in force unless `escaped` is false.
    case value(name: Int32, escaped: Bool)
    /// Shows the operations up to `end` once, or once per list element, when the value is truthy.
    case section(name: Int32, end: Int32)
    /// Shows the operations up to `end` when the value is falsy.
    case inverted(name: Int32, end: Int32)
    /// Renders another template. `indentation` is the whitespace before a
    /// standalone tag, put before each of the partial's lines.
    case partial(template: Int32, indentation: TextRange)
    /// Renders another template with this one's `{{$block}}` overrides
    /// (`call` indexes `parentCalls`), then continues at `end`.
    case parent(template: Int32, call: Int32, end: Int32)
    /// A `{{$block}}`: the overriding contents if a template around it gives
    /// some (indented by `indentation` when the block stands alone on its
    /// lines), else the operations up to `end`.
    case block(name: TemplateKey, indentation: TextRange, end: Int32)
    /// Changes the content type for the rest of this template.
    case contentType(TemplateContentType)
}

/// A range of a compiled template's `text`.
struct TextRange: Sendable, Equatable {
    var start: Int32
    var end: Int32

    /// Stands for "inside a line": a partial there is not indented.
    static let inline = TextRange(start: -1, end: -1)
}

/// What a `{{<parent}}` passes to the parent it renders.
struct ParentCall: Sendable {
    var overrides: [BlockOverride]
    var indentation: TextRange
}

/// Where a `{{$block}}` override's contents are: operations of the template
/// that wrote the `{{<parent}}`.
struct BlockOverride: Sendable {
    var name: TemplateKey
    /// The template holding the operations: an index into the library, or `-1` for the root template.
    var template: Int32
    var start: Int32
    var end: Int32
}

/// A name as a tag wrote it, resolved at compile time into interned keys.
///
/// A class: the renderer takes one out of `names` for every tag it renders,
/// and copying the struct retained its arrays and tag strings one by one
/// (1.4% of a full build); a reference is one retain.
final class CompiledName: Sendable {
    enum Scope: Sendable {
        /// `{{.}}`: the value on top of the context.
        case current
        /// `{{.a.b}}`: looked up in the top of the context only.
        case top
        /// `{{a.b}}`: the first part looked up from the top of the context down.
        case stack
        /// `{{first()}}` and the like: the position in the innermost list.
        case position
    }

    let scope: Scope
    let keys: [TemplateKey]
    /// Applied innermost first: `uppercased(first(x))` lists `[first, uppercased]`.
    let transforms: [TemplateTransform]
    /// The tag, for diagnostics about this name.
    let tag: MustacheTag
    /// Whether an empty value here is an error for the customer (names in Markdown content).
    let mustNotBeEmpty: Bool
    /// Whether showing this name shows what went wrong (`notes.issues...`), for the honesty check.
    let showsIssues: Bool

    init(scope: Scope, keys: [TemplateKey], transforms: [TemplateTransform], tag: MustacheTag, mustNotBeEmpty: Bool, showsIssues: Bool) {
        self.scope = scope
        self.keys = keys
        self.transforms = transforms
        self.tag = tag
        self.mustNotBeEmpty = mustNotBeEmpty
        self.showsIssues = showsIssues
    }
}
