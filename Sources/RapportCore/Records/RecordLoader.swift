import Foundation

/// Reads customer records from a CSV, JSON or YAML file and checks ids and keys.
///
/// Every problem in the file is collected and thrown together, sorted by line,
/// so one run shows the user everything to fix.
public struct RecordLoader: Sendable {
    /// The field that holds each customer's id, before normalisation (`"id"`, `"Customer ID"`).
    public var idField: String
    /// The CSV field separator, or `.auto` to detect it from the header line.
    public var delimiter: CSVDelimiter

    /// A loader that reads ids from `idField` and splits CSV rows on `delimiter`.
    public init(idField: String = "id", delimiter: CSVDelimiter = .auto) {
        self.idField = idField
        self.delimiter = delimiter
    }

    /// Reads all records; `displayPath` is the path used in messages. Throws DiagnosticList with EVERY problem found in the file (not only the first), sorted by line.
    public func load(contentsOf url: URL, displayPath: String) throws(DiagnosticList) -> [CustomerRecord] {
        guard let format = RecordFormat(pathExtension: url.pathExtension) else {
            throw DiagnosticList([.error(
                "unknown records format \"\(url.pathExtension)\": use .csv, .json, .yaml or .yml",
                at: SourceLocation(path: displayPath))])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticList([.error(
                "cannot read the records file: \(Self.reason(error))", at: SourceLocation(path: displayPath))])
        }
        return try load(data: data, format: format, displayPath: displayPath)
    }

    /// Reads all records from `data` in `format`; `displayPath` is the path used in messages. Throws DiagnosticList with every problem found, sorted by line.
    public func load(data: Data, format: RecordFormat, displayPath: String) throws(DiagnosticList) -> [CustomerRecord] {
        var assembler = RecordAssembler(path: displayPath, idField: idField)
        UTF8Check.withCheckedBytes(of: data) { buffer, start, problem in
            if let problem { assembler.error(problem.message, at: assembler.location(line: problem.line, column: problem.column)) }
            switch format {
            case .csv: readCSV(buffer, start: start, into: &assembler)
            case .json: readJSON(buffer, start: start, into: &assembler)
            case .yaml: readYAML(buffer, start: start, into: &assembler)
            }
        }
        if !assembler.diagnostics.isEmpty { throw DiagnosticList(assembler.sortedDiagnostics) }
        return assembler.records
    }

    // MARK: - Errors

    /// The message of a file-system error without Foundation's long domain prefix.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
