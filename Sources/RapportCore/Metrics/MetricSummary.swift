import Foundation

/// One customer's metric over a review period, compared with the period before.
///
/// Months without data are gaps, never zero: `latest` is the last month *with
/// data* in the period, `previous` the last month with data in the previous
/// period, and totals and averages count only months with data.
public struct MetricSummary: Hashable, Sendable {
    /// Whether the metric went up, down or stayed within 1 % of the previous period.
    public enum Trend: String, Hashable, Sendable {
        case up
        case down
        case flat
    }

    /// One month of the chart's series.
    public struct Point: Hashable, Sendable {
        /// The month.
        public var month: YearMonth
        /// The value, or `nil` for a gap.
        public var value: Double?
        /// Whether the month is in the review period (else in the previous period).
        public var inPeriod: Bool
    }

    /// The normalised metric name, e.g. `active_users`.
    public let name: String
    /// The review period summarised.
    public let period: ReviewPeriod
    /// The value of the last month with data in the period.
    public let latest: Double?
    /// The month `latest` is from.
    public let latestMonth: YearMonth?
    /// The value of the last month with data in the previous period.
    public let previous: Double?
    /// The month `previous` is from.
    public let previousMonth: YearMonth?
    /// The sum over the period's months with data; `nil` when there are none.
    public let total: Double?
    /// The mean over the period's months with data; `nil` when there are none.
    public let average: Double?
    /// Every month of the previous and the current period, oldest first, gaps included.
    public let series: [Point]

    /// Changes smaller than this many percent count as flat.
    public static let flatPercent = 1.0

    /// Summarises `values` (month -> value, gaps absent) for `period`.
    public init(name: String, values: [YearMonth: Double], period: ReviewPeriod) {
        self.name = name
        self.period = period
        let previousPeriod = period.previous
        series =
            previousPeriod.months.map { Point(month: $0, value: values[$0], inPeriod: false) }
            + period.months.map { Point(month: $0, value: values[$0], inPeriod: true) }
        let current = series.filter { $0.inPeriod && $0.value != nil }
        let before = series.filter { !$0.inPeriod && $0.value != nil }
        latest = current.last?.value
        latestMonth = current.last?.month
        previous = before.last?.value
        previousMonth = before.last?.month
        let sum = current.reduce(0) { $0 + ($1.value ?? 0) }
        total = current.isEmpty ? nil : sum
        average = current.isEmpty ? nil : sum / Double(current.count)
    }

    /// The name for people: `active_users` -> `Active users`.
    public var label: String { Self.label(forName: name) }

    /// Whether the period has any value.
    public var hasData: Bool { latest != nil }

    /// `latest − previous`, when both exist.
    public var change: Double? {
        guard let latest, let previous else { return nil }
        return latest - previous
    }

    /// The change in percent of `|previous|`; `nil` when `previous` is missing or zero.
    public var changePercent: Double? {
        guard let change, let previous, previous != 0 else { return nil }
        return change / abs(previous) * 100
    }

    /// Up or down by the change's sign; flat when there is nothing to compare, no change, or under 1 %.
    public var trend: Trend {
        guard let change, change != 0 else { return .flat }
        if let changePercent, abs(changePercent) < Self.flatPercent { return .flat }
        return change > 0 ? .up : .down
    }

    /// `active_users` -> `Active users`: underscores become spaces, the first letter is capitalised.
    ///
    /// Names are normalised (`HeaderName`), so an underscore always stands
    /// alone between letters or digits and swapping characters is exact;
    /// Foundation's `replacingOccurrences` here was 2% of a full build
    /// (three labels per metric per review).
    public static func label(forName name: String) -> String {
        let spaced = String(name.map { $0 == "_" ? " " : $0 })
        guard let first = spaced.first else { return spaced }
        return first.uppercased() + spaced.dropFirst()
    }
}
