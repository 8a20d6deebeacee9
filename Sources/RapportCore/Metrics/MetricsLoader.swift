import Foundation

/// Reads `Content/metrics.csv`: monthly values per customer, in wide or long form.
///
/// Wide: `customer_id, month, <metric>, <metric>...`, one row per customer and
/// month. Long: `customer_id, month, metric, value`, one row per value. The
/// form is told from the normalised header: `metric` and `value` columns make
/// it long. Encoding, byte order mark, CRLF, quoting and delimiter are handled
/// as for the customer records.
public struct MetricsLoader: Sendable {
    /// The column holding the customer id (normalised).
    public static let customerColumn = "customer_id"
    /// The column holding the month (normalised).
    public static let monthColumn = "month"

    /// The CSV field separator, or `.auto` to detect it from the header line.
    public var delimiter: CSVDelimiter

    /// Bytes read at a time from a file (`CSVWindowReader`); small in tests.
    var windowSize = CSVWindowReader.windowSize

    /// A loader that splits rows on `delimiter`.
    public init(delimiter: CSVDelimiter = .auto) {
        self.delimiter = delimiter
    }

    /// Reads the file at `url`; `displayPath` is the path used in messages.
    ///
    /// `knownCustomers` are the ids in the customer records; rows for other ids
    /// are read but warned about. Pass `nil` to skip that check.
    public func load(contentsOf url: URL, displayPath: String, knownCustomers: Set<String>?) -> MetricsLoadResult {
        do {
            let file = try FileHandle(forReadingFrom: url)
            defer { try? file.close() }
            return try load(.file(file), displayPath: displayPath, knownCustomers: knownCustomers)
        } catch {
            return Self.unreadable(error, displayPath: displayPath)
        }
    }

    /// Reads metrics from `data`; `displayPath` is the path used in messages.
    public func load(data: Data, displayPath: String, knownCustomers: Set<String>?) -> MetricsLoadResult {
        do {
            return try load(.data(data), displayPath: displayPath, knownCustomers: knownCustomers)
        } catch {
            return Self.unreadable(error, displayPath: displayPath)
        }
    }

    private static func unreadable(_ error: any Error, displayPath: String) -> MetricsLoadResult {
        let message = "cannot read the metrics file: \((error as NSError).localizedDescription)"
        return MetricsLoadResult(table: .empty, diagnostics: [.error(message, at: SourceLocation(path: displayPath))])
    }

    /// Reads the file a window at a time (`CSVWindowReader`): whole, the
    /// file sat beside the table it was becoming at a large build's highest point.
    private func load(_ source: CSVWindowReader.Source, displayPath: String, knownCustomers: Set<String>?) throws -> MetricsLoadResult {
        var collector = MetricsCollector(path: displayPath, knownCustomers: knownCustomers)
        try readCSV(CSVWindowReader(source, delimiter: delimiter.byte, windowSize: windowSize), into: &collector)
        return MetricsLoadResult(table: collector.finishedTable(), diagnostics: collector.sortedDiagnostics)
    }
}
