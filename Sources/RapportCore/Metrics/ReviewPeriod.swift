/// The months a review covers, inclusive at both ends, e.g. `2026-Q4` = 2026-10 to 2026-12.
public struct ReviewPeriod: Hashable, Sendable, CustomStringConvertible {
    /// The period's name as in `Content/reviews/<name>.md`, e.g. `2026-Q4`.
    public var name: String
    /// The first month of the period.
    public var start: YearMonth
    /// The last month of the period (inclusive).
    public var end: YearMonth

    /// A period called `name` from `start` to `end` inclusive; `start` must not be after `end`.
    public init(name: String, start: YearMonth, end: YearMonth) {
        precondition(start <= end, "a period cannot end (\(end)) before it starts (\(start))")
        self.name = name
        self.start = start
        self.end = end
    }

    /// Parses a quarter name such as `2026-Q4`.
    public init?(quarter text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit), let year = Int(parts[0]),
            parts[1].count == 2, parts[1].first == "Q",
            let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter)
        else { return nil }
        let start = YearMonth(year: year, month: quarter * 3 - 2)
        self.init(name: "\(year)-Q\(quarter)", start: start, end: start.advanced(by: 2))
    }

    /// Parses a review file name: a quarter (`2026-Q4`), a year (`2026`) or a month (`2026-11`).
    public init?(name text: String) {
        if let quarter = ReviewPeriod(quarter: text) {
            self = quarter
        } else if text.count == 4, text.allSatisfy(\.isASCIIDigit), let year = Int(text) {
            self = .spanning(YearMonth(year: year, month: 1), YearMonth(year: year, month: 12))
        } else if text.count == 7, let month = YearMonth(iso: text) {
            self = .spanning(month, month)
        } else {
            return nil
        }
    }

    /// The period from `start` to `end` with its canonical name: `2026-Q4`, `2026`, `2026-11` or `2026-10..2026-11`.
    public static func spanning(_ start: YearMonth, _ end: YearMonth) -> ReviewPeriod {
        let name: String
        if let quarter = quarterNumber(start, end) {
            name = "\(start.year)-Q\(quarter)"
        } else if isCalendarYear(start, end) {
            name = String(start.year)
        } else if start == end {
            name = start.description
        } else {
            name = "\(start)..\(end)"
        }
        return ReviewPeriod(name: name, start: start, end: end)
    }

    /// Every month of the period, oldest first.
    public var months: [YearMonth] {
        (0..<monthCount).map { start.advanced(by: $0) }
    }

    /// How many months the period covers.
    public var monthCount: Int { start.months(until: end) + 1 }

    /// The period of the same length that ends just before this one starts.
    public var previous: ReviewPeriod {
        .spanning(start.advanced(by: -monthCount), start.previous)
    }

    /// The period of the same length that starts just after this one ends.
    public var next: ReviewPeriod {
        .spanning(end.next, end.advanced(by: monthCount))
    }

    /// A short human label: `Q4 2026` for a quarter, `2026` for a calendar year, else the name.
    public var label: String {
        if let quarter = Self.quarterNumber(start, end) { return "Q\(quarter) \(start.year)" }
        if Self.isCalendarYear(start, end) { return String(start.year) }
        return name
    }

    /// The name.
    public var description: String { name }

    /// What one period of this length is called in prose: `quarter`, `year`, `month` or `period`.
    var unitName: String {
        if Self.quarterNumber(start, end) != nil { return "quarter" }
        if Self.isCalendarYear(start, end) { return "year" }
        if start == end { return "month" }
        return "period"
    }

    // MARK: - Calendar shapes

    private static func quarterNumber(_ start: YearMonth, _ end: YearMonth) -> Int? {
        guard start.month % 3 == 1, start.advanced(by: 2) == end else { return nil }
        return (start.month + 2) / 3
    }

    private static func isCalendarYear(_ start: YearMonth, _ end: YearMonth) -> Bool {
        start.month == 1 && end == YearMonth(year: start.year, month: 12)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
