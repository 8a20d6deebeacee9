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
        guard let index = metricNames.firstIndex(of: metric) else { return [:] }
        return allSeries(customer: id)[index]
    }

    /// Every metric's months with a value for one customer, in the order of
    /// `metricNames`: their packed values read once, not once per metric.
    func allSeries(customer id: String) -> [[YearMonth: Double]] {
        var all = Array(repeating: [YearMonth: Double](), count: metricNames.count)
        cells[id]?.forEach { cell in all[Int(cell.metric)][YearMonth(serial: Int(cell.month))] = cell.value }
        return all
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

    /// Adds `added` to `customer`'s values. Each metric and month comes
    /// once: the loader's duplicate check (`MetricsCollector.claim`) sees to it.
    mutating func store(_ added: [Cell], customer: String) {
        guard !added.isEmpty else { return }
        let all = (cells[customer]?.cells ?? []) + added
        cells[customer] = PackedCells(sorted: all.sorted { ($0.metric, $0.month) < ($1.metric, $1.month) })
    }
}
