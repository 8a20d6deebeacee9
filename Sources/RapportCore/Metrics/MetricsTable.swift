import Foundation

/// Monthly metric values per customer, as read from `Content/metrics.csv`.
///
/// A month with no value is a gap (no cell), never zero.
///
/// Each customer's values are cells sorted by metric, then month, packed
/// into bytes (`PackedCells`). Nested dictionaries cost about 4 KiB per
/// customer with four metrics over fifteen months, a third of a large
/// build's memory; an array of cells about 1 KiB; packed, about 0.3 KiB.
public struct MetricsTable: Hashable, Sendable {
    /// Normalised metric names in the order they first appear (columns, or rows in the long form).
    public var metricNames: [String]
    private var cells: [String: PackedCells]

    /// One value: `metric` indexes `metricNames`, `month` is `YearMonth.serial`.
    struct Cell: Hashable, Sendable {
        var metric: Int32
        var month: Int32
        var value: Double
    }

    /// A table of `metricNames` holding `values` (customer, metric, month).
    public init(metricNames: [String] = [], values: [String: [String: [YearMonth: Double]]] = [:]) {
        self.metricNames = metricNames
        self.cells = [:]
        for (customer, metrics) in values {
            var added: [Cell] = []
            for (metric, series) in metrics {
                let index = self.index(declaring: metric)
                for (month, value) in series { added.append(Cell(metric: index, month: Int32(month.serial), value: value)) }
            }
            store(added, customer: customer)
        }
    }

    /// A table with no metrics, for sites without `metrics.csv`.
    public static let empty = MetricsTable()

    /// For each customer id, for each metric name, the value of each month that has one.
    public var values: [String: [String: [YearMonth: Double]]] {
        cells.mapValues { packed in
            var metrics: [String: [YearMonth: Double]] = [:]
            packed.forEach { cell in metrics[metricNames[Int(cell.metric)], default: [:]][YearMonth(serial: Int(cell.month))] = cell.value }
            return metrics
        }
    }

    /// The months with a value of one customer's metric; empty when there are none.
    public func series(customer id: String, metric: String) -> [YearMonth: Double] {
        guard let packed = cells[id], let index = metricNames.firstIndex(of: metric) else { return [:] }
        var series: [YearMonth: Double] = [:]
        packed.forEach { cell in
            if cell.metric == index { series[YearMonth(serial: Int(cell.month))] = cell.value }
        }
        return series
    }

    /// Whether `id` has at least one value.
    public func hasValues(for id: String) -> Bool {
        cells[id] != nil
    }

    /// The ids of customers that have at least one value, sorted.
    public var customerIDs: [String] { cells.keys.sorted() }

    /// A hash of one customer's values, for the manifest: raw bytes, not
    /// formatted text (printing every Double was most of the cost of a
    /// no-change build's hashing).
    func fingerprint(for customer: String) -> String {
        guard let list = cells[customer]?.cells else { return "" }
        var bytes: [UInt8] = []
        var next = 0
        for (index, name) in metricNames.enumerated() {
            bytes.append(contentsOf: name.utf8)
            bytes.append(0)
            while next < list.count, list[next].metric == index {
                // year * 12 + month, as this hash has always written it: the serial plus one.
                withUnsafeBytes(of: (list[next].month + 1).littleEndian) { bytes.append(contentsOf: $0) }
                withUnsafeBytes(of: list[next].value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
                next += 1
            }
            bytes.append(0xFF)
        }
        return InputHasher.hash(Data(bytes))
    }

    // MARK: - Handing out per customer

    /// Every customer's values, moved out of a table to be taken once per
    /// customer by the worker that renders them, and freed with their pages.
    struct HandOut: Sendable {
        private let metricNames: [String]
        private let slots: TakeOnceSlots<PackedCells>

        /// Moves `table`'s values out in the order of `ids`, leaving it
        /// empty: moved, not copied, so they are never held twice.
        init(taking table: inout MetricsTable, inOrderOf ids: [String]) {
            metricNames = table.metricNames
            slots = TakeOnceSlots(ids.map { table.cells.removeValue(forKey: $0) })
            table.cells = [:]
        }

        /// A table of only the values of `customer`, the one at `index` of the ids.
        func take(_ index: Int, customer: String) -> MetricsTable {
            var table = MetricsTable(metricNames: metricNames)
            if let cells = slots.take(index) { table.cells[customer] = cells }
            return table
        }
    }

    // MARK: - Building

    /// The index of `metric` in `metricNames`, appending it when it is new.
    mutating func index(declaring metric: String) -> Int32 {
        if let known = metricNames.firstIndex(of: metric) { return Int32(known) }
        metricNames.append(metric)
        return Int32(metricNames.count - 1)
    }

    /// Adds `added` to `customer`'s values, in the order given after any
    /// stored before: for the same metric and month the last one wins.
    mutating func store(_ added: [Cell], customer: String) {
        guard !added.isEmpty else { return }
        let all = (cells[customer]?.cells ?? []) + added
        let ordered = all.enumerated().sorted { lhs, rhs in
            (lhs.element.metric, lhs.element.month, lhs.offset) < (rhs.element.metric, rhs.element.month, rhs.offset)
        }
        var kept: [Cell] = []
        kept.reserveCapacity(ordered.count)
        for (_, cell) in ordered {
            if let last = kept.last, last.metric == cell.metric, last.month == cell.month {
                kept[kept.count - 1] = cell
            } else {
                kept.append(cell)
            }
        }
        cells[customer] = PackedCells(sorted: kept)
    }
}
