/// Checks a Mustache template's structure before swift-mustache sees it and
/// lists its tags with positions.
///
/// swift-mustache keeps its tokens internal, reports an unclosed section at the
/// end of the file and recurses once per nested section, so a deep template
/// overflows the stack. This scanner follows the same lexical rules
/// (swift-mustache 2.1.1, `Template+Parser.swift`) but runs in one loop with an
/// explicit stack, stops at `maxNesting`, and reports every problem at the tag
/// that causes it.
///
/// It is deliberately stricter than swift-mustache in a few places, all of
/// which swift-mustache would render as nothing or silently drop: empty names
/// (`{{}}`, `{{#}}`, `{{>}}`), empty transform names (`{{(x)}}`), a `{{` at
/// the very end of the text or directly before a line break, and any
/// `{{=<% %>=}}` set-delimiter tag.
public struct MustacheScanner: Sendable {
    /// Sections deeper than this are an error, which keeps swift-mustache's recursive parser off the stack's edge.
    public var maxNesting: Int
    /// Values accepted in `{{%CONTENT_TYPE:...}}`; swift-mustache registers `HTML` and `TEXT`.
    public var contentTypes: Set<String>

    /// Creates a scanner; `contentTypes` must match those registered with swift-mustache.
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
