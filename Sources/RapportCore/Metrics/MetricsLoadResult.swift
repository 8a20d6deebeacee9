/// What `MetricsLoader` read: the table and every problem found, sorted by line.
///
/// Warnings (a cell that is not a number, an unknown customer) leave a gap and
/// let the build go on; the caller turns them into errors under `--strict`.
/// With any error the table is incomplete and the build should stop.
public struct MetricsLoadResult: Sendable {
    /// The values that could be read.
    public var table: MetricsTable
    /// Errors and warnings, sorted by line then column.
    public var diagnostics: [Diagnostic]

    /// A result of `table` with `diagnostics`.
    public init(table: MetricsTable, diagnostics: [Diagnostic]) {
        self.table = table
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
