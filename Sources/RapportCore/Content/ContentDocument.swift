/// One Markdown file from `Content/`: its front matter and its Mustache body.
public struct ContentDocument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case newsletter
        case review
        case partial
    }

    public var kind: Kind
    /// The file name without `.md`: the edition (`2026-11`) or partial name.
    public var name: String
    /// The path used in messages, relative to the site (`Content/newsletters/2026-11.md`).
    public var path: String
    public var frontMatter: FrontMatter
    /// The Markdown and Mustache text after the front matter.
    public var body: String
    /// Lines that precede `body` in the file, so errors name the original line.
    public var bodyLineOffset: Int
    /// The whole file's text, for input hashes.
    public var source: String
}
