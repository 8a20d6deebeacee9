/// rapport's one Mustache parser: reads a template into a tree of text,
/// tags and sections with the exact line and column of every tag, which
/// `TemplateCompiler` compiles and `FieldChecker` checks.
///
/// It runs in one loop with an explicit stack, stops at `maxNesting`, and
/// reports every problem at the tag that causes it (an unclosed section at
/// its opening tag, not at the end of the file). Its lexical rules are those
/// of swift-mustache 2.1.1, the engine rapport used before its own, so
/// templates written for it read the same.
///
/// It is deliberately strict where a template would otherwise render as
/// nothing or silently drop text: empty names (`{{}}`, `{{#}}`, `{{>}}`),
/// empty transform names (`{{(x)}}`), and a `{{` at the very end of the text
/// or directly before a line break.
public struct MustacheScanner: Sendable {
    /// Sections deeper than this are an error: no template needs them, and rendering stays shallow.
    public var maxNesting: Int
    /// Values accepted in `{{%CONTENT_TYPE:...}}`.
    public var contentTypes: Set<String>

    /// Creates a scanner.
    public init(maxNesting: Int = 100, contentTypes: Set<String> = ["HTML", "TEXT"]) {
        self.maxNesting = maxNesting
        self.contentTypes = contentTypes
    }

    /// Scans `text` as the template at `path`; `lineOffset` is added to every line.
    ///
    /// Content files strip YAML front matter before their body reaches here, so
    /// `lineOffset` lets errors name the line in the original file.
    /// - Throws: every problem found, in source order.
    public func scan(_ text: String, path: String, lineOffset: Int = 0) throws(DiagnosticList) -> [MustacheNode] {
        var run = Run(scanner: self, text: text, path: path, lineOffset: lineOffset)
        run.scanAll()
        guard run.diagnostics.isEmpty else {
            throw DiagnosticList(run.sortedDiagnostics)
        }
        return run.root
    }
}
