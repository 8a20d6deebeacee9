/// A calendar month with no day or zone, the unit metrics are recorded in.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    /// 1 (January) to 12 (December).
    public var month: Int

    /// The month `month` (1-12) of `year`.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month must be 1...12, got \(month)")
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (four-digit year, two-digit month), ignoring surrounding spaces.
    public init?(iso text: String) {
        let trimmed = text.trimmed
        let bytes = Array(trimmed.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            bytes.indices.allSatisfy({ $0 == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }),
            let year = Int(trimmed.prefix(4)), let month = Int(trimmed.suffix(2)), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM`.
    public var description: String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + monthText
    }

    /// The month after this one.
    public var next: YearMonth { advanced(by: 1) }

    /// The month before this one.
    public var previous: YearMonth { advanced(by: -1) }

    /// The month `count` months later (earlier when negative).
    public func advanced(by count: Int) -> YearMonth {
        YearMonth(serial: serial + count)
    }

    /// Whole months from `self` to `other` (positive when `other` is later).
    public func months(until other: YearMonth) -> Int {
        other.serial - serial
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        lhs.serial < rhs.serial
    }

    // MARK: - Arithmetic

    /// Months since January of year 0, so month arithmetic is integer addition.
    var serial: Int { year * 12 + month - 1 }

    /// The month `serial` months after January of year 0.
    init(serial: Int) {
        self.init(year: serial.floorDivided(by: 12), month: serial.floorModulo(12) + 1)
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    fileprivate func floorModulo(_ divisor: Int) -> Int {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
