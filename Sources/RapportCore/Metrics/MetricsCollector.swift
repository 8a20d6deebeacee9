/// Builds a `MetricsTable` cell by cell, checking months, numbers, duplicates
/// and customer ids the same way for the wide and the long form.
struct MetricsCollector {
    let path: String
    /// Ids from the customer records; `nil` skips the unknown-customer check.
    let knownCustomers: Set<String>?
    private var table = MetricsTable()
    private(set) var diagnostics: [Diagnostic] = []
    private var knownMetrics: Set<String> = []
    /// The line of each cell seen, for duplicate errors. Numbers, not text
    /// keys: at 100,000 customers this holds 1.5 million cells while loading.
    private var firstLineByKey: [CellKey: Int32] = [:]
    private var customerNumbers: [String: Int32] = [:]
    private var metricNumbers: [String: Int32] = [:]
    private var reportedUnknown: Set<String> = []

    init(path: String, knownCustomers: Set<String>?) {
        self.path = path
        self.knownCustomers = knownCustomers
    }

    /// A location in this file.
    func location(_ position: TextPositionTracker.Position) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }

    /// A location in this file.
    func location(line: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    mutating func error(_ message: String, at location: SourceLocation, customer: String? = nil) {
        diagnostics.append(.error(message, at: location, customer: customer))
    }

    mutating func warning(_ message: String, at location: SourceLocation, customer: String? = nil) {
        diagnostics.append(.warning(message, at: location, customer: customer))
    }

    /// Adds diagnostics found by shared CSV code.
    mutating func absorb(_ found: [Diagnostic]) {
        diagnostics.append(contentsOf: found)
    }

    /// Registers a metric name so it keeps its first-seen place even if it never has a value.
    mutating func declare(metric: String) {
        guard knownMetrics.insert(metric).inserted else { return }
        table.metricNames.append(metric)
    }

    /// Warns once per id about a customer the records do not have.
    mutating func check(customer id: String, at location: SourceLocation) {
        guard let knownCustomers, !knownCustomers.contains(id), reportedUnknown.insert(id).inserted else { return }
        warning("metrics for unknown customer \"\(id)\"", at: location)
    }

    /// Reports a row (wide form, `metric` nil) or value (long form) already
    /// seen, naming the line it was first on; `false` for a duplicate.
    mutating func claim(
        customer: String, month: YearMonth, metric: String?, line: Int, duplicateMessage: (Int) -> String,
        at location: SourceLocation
    ) -> Bool {
        let key = CellKey(
            customer: customerNumbers[customer, default: Int32(customerNumbers.count)], month: Int32(month.serial),
            metric: metric.map { name in metricNumbers[name, default: Int32(metricNumbers.count)] } ?? -1)
        customerNumbers[customer] = key.customer
        if let metric { metricNumbers[metric] = key.metric }
        if let first = firstLineByKey[key] {
            error(duplicateMessage(Int(first)), at: location, customer: customer)
            return false
        }
        firstLineByKey[key] = Int32(clamping: line)
        return true
    }

    /// Stores one cell: empty is a gap, a plain number is a value, anything else a warning and a gap.
    mutating func add(cell raw: String, customer: String, month: YearMonth, metric: String, at location: SourceLocation) {
        let text = String(raw.trimmed)
        guard !text.isEmpty else { return }
        guard let value = PlainNumber.parse(text) else {
            let gap = "\(metric) for \(month) is treated as no data"
            let message =
                PlainNumber.looksFormatted(text)
                ? "\"\(text)\" is not a plain number (write it without thousands separators, with \".\" for decimals); \(gap)"
                : "\"\(text)\" is not a number; \(gap)"
            return warning(message, at: location, customer: customer)
        }
        table.add(value, customer: customer, metric: metric, month: month)
    }

    /// The table of everything added, in order.
    mutating func finishedTable() -> MetricsTable {
        table.sortCells()
        return table
    }

    /// Every diagnostic ordered by line, then column, keeping discovery order for ties.
    var sortedDiagnostics: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
            let right = (rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }
}

/// A customer, month and (long form) metric, by number.
private struct CellKey: Hashable {
    var customer: Int32
    var month: Int32
    var metric: Int32
}
