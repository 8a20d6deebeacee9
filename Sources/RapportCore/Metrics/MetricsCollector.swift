/// Builds a `MetricsTable` cell by cell, checking months, numbers, duplicates
/// and customer ids the same way for the wide and the long form.
///
/// One customer is open at a time: the one the last row was for. Their cells
/// and the first line of each row (or value) they have are held unpacked;
/// when a row for another customer comes, they are packed into the table and
/// into `packedClaims`. A customer whose rows come back later is opened
/// again from there. Exports list a customer's rows together, so this packs
/// each customer once; a hash of every claim held 34 MB at 100,000 customers.
struct MetricsCollector {
    let path: String
    /// Ids from the customer records; `nil` skips the unknown-customer check.
    let knownCustomers: Set<String>?
    private var table = MetricsTable()
    private(set) var diagnostics: [Diagnostic] = []
    private var metricNumbers: [String: Int32] = [:]
    private var reportedUnknown: Set<String> = []

    private var openCustomer: String?
    private var openCells: [MetricsTable.Cell] = []
    /// The open customer's line of each row (wide) or value (long) seen, for duplicate errors.
    private var openClaims: [ClaimKey: Int32] = [:]
    /// Every other customer's claims, packed (`ClaimKey.pack`).
    private var packedClaims: [String: [UInt8]] = [:]

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
        guard metricNumbers[metric] == nil else { return }
        metricNumbers[metric] = table.index(declaring: metric)
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
        open(customer)
        let metricIndex: Int32 = if let metric { metricNumber(metric) } else { -1 }
        let key = ClaimKey(month: Int32(month.serial), metric: metricIndex)
        if let first = openClaims[key] {
            error(duplicateMessage(Int(first)), at: location, customer: customer)
            return false
        }
        openClaims[key] = Int32(clamping: line)
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
        open(customer)
        openCells.append(MetricsTable.Cell(metric: metricNumber(metric), month: Int32(month.serial), value: value))
    }

    /// The table of everything added, in order.
    mutating func finishedTable() -> MetricsTable {
        closeOpenCustomer()
        packedClaims = [:]
        return table
    }

    // MARK: - The open customer

    private mutating func metricNumber(_ metric: String) -> Int32 {
        if let known = metricNumbers[metric] { return known }
        declare(metric: metric)
        return metricNumbers[metric]!
    }

    /// Makes `customer` the open one, packing the one before.
    private mutating func open(_ customer: String) {
        guard customer != openCustomer else { return }
        closeOpenCustomer()
        openCustomer = customer
        if let packed = packedClaims.removeValue(forKey: customer) {
            for (key, line) in ClaimKey.unpack(packed) { openClaims[key] = line }
        }
    }

    private mutating func closeOpenCustomer() {
        guard let customer = openCustomer else { return }
        table.store(openCells, customer: customer)
        packedClaims[customer] = ClaimKey.pack(openClaims)
        openCells.removeAll(keepingCapacity: true)
        openClaims.removeAll(keepingCapacity: true)
        openCustomer = nil
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

/// A month and (long form; -1 in the wide form) metric of one customer, by number.
private struct ClaimKey: Hashable {
    var month: Int32
    var metric: Int32

    /// `claims` as LEB128 numbers (`LEB128Writer`), in line order: month and
    /// line as steps from the previous claim's, about 3 bytes a claim.
    static func pack(_ claims: [ClaimKey: Int32]) -> [UInt8] {
        var writer = LEB128Writer()
        var month: Int64 = 0
        var line: Int64 = 0
        for (key, first) in claims.sorted(by: { $0.value < $1.value }) {
            writer.write(zigzag: Int64(key.month) - month)
            writer.write(UInt64(key.metric + 1))
            writer.write(zigzag: Int64(first) - line)
            month = Int64(key.month)
            line = Int64(first)
        }
        return writer.bytes
    }

    static func unpack(_ bytes: [UInt8]) -> [(ClaimKey, Int32)] {
        var reader = LEB128Reader(bytes)
        var claims: [(ClaimKey, Int32)] = []
        var month: Int64 = 0
        var line: Int64 = 0
        while !reader.isAtEnd {
            month += reader.readZigzag()
            let metric = Int32(truncatingIfNeeded: reader.read()) - 1
            line += reader.readZigzag()
            claims.append((ClaimKey(month: Int32(truncatingIfNeeded: month), metric: metric), Int32(truncatingIfNeeded: line)))
        }
        return claims
    }
}
