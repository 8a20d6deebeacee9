/// Input sizes refused before cmark-gfm sees them.
///
/// cmark-gfm 0.29.0.gfm.6 takes super-linear time on some inputs (wide
/// tables, long runs of unclosed `[` / `![`, deep `>` / list nesting); later
/// upstream releases fixed some of these, but Debian bookworm ships gfm.6.
/// A cheap linear scan in Swift rejects such inputs with a located error
/// instead of letting a build hang.
public struct MarkdownLimits: Sendable, Hashable {
    /// Largest document accepted, in UTF-8 bytes.
    public var maxBytes: Int
    /// Most cells in any row of a table (header, delimiter or body row).
    public var maxTableColumns: Int
    /// Longest run of nested or unclosed `[` / `![` within one paragraph.
    public var maxBracketRun: Int
    /// Deepest block nesting: `>` quotes and list items on one line.
    public var maxNesting: Int

    /// Creates limits; the defaults accept any document a person would write.
    public init(
        maxBytes: Int = 2_000_000,
        maxTableColumns: Int = 200,
        maxBracketRun: Int = 1_000,
        maxNesting: Int = 100
    ) {
        self.maxBytes = maxBytes
        self.maxTableColumns = maxTableColumns
        self.maxBracketRun = maxBracketRun
        self.maxNesting = maxNesting
    }
}
