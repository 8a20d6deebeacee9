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

    /// A loader that splits rows on `delimiter`.
    public init(delimiter: CSVDelimiter = .auto) {
        self.delimiter = delimiter
    }

    /// Reads the file at `url`; `displayPath` is the path used in messages.
    ///
    /// `knownCustomers` are the ids in the customer records; rows for other ids
    /// are read but warned about. Pass `nil` to skip that check.
    public func load(contentsOf url: URL, displayPath: String, knownCustomers: Set<String>?) -> MetricsLoadResult {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let message = "cannot read the metrics file: \((error as NSError).localizedDescription)"
            return MetricsLoadResult(table: .empty, diagnostics: [.error(message, at: SourceLocation(path: displayPath))])
        }
        return load(data: data, displayPath: displayPath, knownCustomers: knownCustomers)
    }

    /// Reads metrics from `data`; `displayPath` is the path used in messages.
    public func load(data: Data, displayPath: String, knownCustomers: Set<String>?) -> MetricsLoadResult {
        var collector = MetricsCollector(path: displayPath, knownCustomers: knownCustomers)
        // Read in place: a copy into an array held a second whole file
        // beside the first (45 MB at 100,000 customers' metrics).
        data.withUnsafeBytes { raw in
            let buffer = raw.assumingMemoryBound(to: UInt8.self)
            let start = UTF8Check.byteOrderMarkLength(buffer)
            Self.checkEncoding(buffer, start: start, into: &collector)
            readCSV(buffer, start: start, into: &collector)
        }
        return MetricsLoadResult(table: collector.finishedTable(), diagnostics: collector.sortedDiagnostics)
    }

    // MARK: - Encoding

    /// Reports the first byte that is not UTF-8; reading goes on so other problems still show.
    private static func checkEncoding(
        _ buffer: UnsafeBufferPointer<UInt8>, start: Int, into collector: inout MetricsCollector
    ) {
        guard let bad = UTF8Check.firstInvalidPosition(in: buffer, from: start) else { return }
        let hex = String(bad.byte, radix: 16, uppercase: true)
        collector.error(
            "invalid UTF-8 byte 0x\(hex) (column counted in bytes); save the file as UTF-8",
            at: collector.location(line: bad.line, column: bad.column))
    }
}
