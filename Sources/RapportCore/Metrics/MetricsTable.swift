/// Monthly metric values per customer, as read from `Content/metrics.csv`.
///
/// A month with no value is a gap (missing from the dictionary), never zero.
public struct MetricsTable: Hashable, Sendable {
    /// Normalised metric names in the order they first appear (columns, or rows in the long form).
    public var metricNames: [String]
    /// For each customer id, for each metric name, the value of each month that has one.
    public var values: [String: [String: [YearMonth: Double]]]

    /// A table of `metricNames` holding `values`.
    public init(metricNames: [String] = [], values: [String: [String: [YearMonth: Double]]] = [:]) {
        self.metricNames = metricNames
        self.values = values
    }

    /// A table with no metrics, for sites without `metrics.csv`.
    public static let empty = MetricsTable()

    /// The months with a value of one customer's metric; empty when there are none.
    public func series(customer id: String, metric: String) -> [YearMonth: Double] {
        values[id]?[metric] ?? [:]
    }

    /// The ids of customers that have at least one row, sorted.
    public var customerIDs: [String] { values.keys.sorted() }
}
