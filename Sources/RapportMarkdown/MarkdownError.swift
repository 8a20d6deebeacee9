/// A Markdown document that cannot be rendered, located in the text given to `renderHTML`.
///
/// The caller adds the file path (and shifts `line` past any front matter),
/// so this prints as `line:col: message` only.
public struct MarkdownError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line in the Markdown text given to `renderHTML`.
    public var line: Int
    /// 1-based column in characters, when the problem has a single position.
    public var column: Int?
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an error at a line and optional column.
    public init(line: Int, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:col: message`, or `line: message` without a column.
    public var description: String {
        if let column { return "\(line):\(column): \(message)" }
        return "\(line): \(message)"
    }
}
