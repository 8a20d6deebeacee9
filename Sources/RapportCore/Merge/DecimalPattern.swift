import Foundation

/// A locale's plain decimal numbers ("1,240.5", "1.240,5", "12 345")
/// written without a `NumberFormatter` call per number.
///
/// Metric values, changes and chart labels differ from customer to
/// customer, so the cache of formatted numbers misses often, and each
/// miss went through ICU (2% of a full build). The separators and grouping
/// are read from the formatter once and used only when a probe of numbers
/// from 0 to millions formats exactly as the formatter does; a locale with
/// its own digits, or any grouping this reading gets wrong, keeps the
/// formatter.
struct DecimalPattern {
    private let groupingSeparator: String
    private let decimalSeparator: String
    private let groupingSize: Int
    /// Indian grouping: "12,34,567" groups by 2 after the first 3.
    private let secondaryGroupingSize: Int
    /// Some locales leave four-digit numbers ungrouped ("1234" but "12 345").
    private let minimumGroupingDigits: Int
    private let fractionDigits: Int

    /// The pattern of `formatter` (decimal style, grouping on, 0 to
    /// `fractionDigits` fraction digits), when it gives the formatter's own
    /// text for every probed number.
    init?(formatter: NumberFormatter, fractionDigits: Int) {
        guard (0...6).contains(fractionDigits), formatter.usesGroupingSeparator, formatter.groupingSize > 0 else { return nil }
        groupingSeparator = formatter.groupingSeparator
        decimalSeparator = formatter.decimalSeparator
        groupingSize = formatter.groupingSize
        secondaryGroupingSize = formatter.secondaryGroupingSize > 0 ? formatter.secondaryGroupingSize : formatter.groupingSize
        self.fractionDigits = fractionDigits
        // ICU does not expose minimum grouping digits: a four-digit number shows it.
        let fourDigits = formatter.string(from: NSNumber(value: 1234.0)) ?? ""
        minimumGroupingDigits = fourDigits == "1234" ? 2 : 1
        let scale = Self.powersOfTen[fractionDigits]
        for value in Self.probe {
            let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
            guard let text = format(rounded), text == formatter.string(from: NSNumber(value: rounded)) else { return nil }
        }
    }

    /// `magnitude` in the pattern; nil when it is negative, not finite, too
    /// large for the probe to speak for, or has more fraction digits than the
    /// pattern shows (the caller rounds first; the formatter writes the rest).
    func format(_ magnitude: Double) -> String? {
        guard magnitude.isFinite, magnitude >= 0, magnitude < 1e12 else { return nil }
        let scale = Self.powersOfTen[fractionDigits]
        let scaled = (magnitude * scale).rounded()
        guard abs(magnitude * scale - scaled) <= 1e-6 * max(1, scaled) else { return nil }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        var fraction = units % Int64(scale)
        var text = group(String(whole))
        if fraction > 0 {
            var digits = fractionDigits
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += decimalSeparator
            text += String(repeating: "0", count: digits - fractionText.utf8.count)
            text += fractionText
        }
        return text
    }

    /// `digits` with the grouping separator between groups.
    private func group(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        guard bytes.count >= groupingSize + minimumGroupingDigits else { return digits }
        var groups: [ArraySlice<UInt8>] = []
        var end = bytes.count
        var size = groupingSize
        while end > size {
            groups.append(bytes[(end - size)..<end])
            end -= size
            size = secondaryGroupingSize
        }
        groups.append(bytes[0..<end])
        return groups.reversed().map { String(decoding: $0, as: UTF8.self) }.joined(separator: groupingSeparator)
    }

    private static let powersOfTen: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// Zero, fractions, every group boundary up to billions, values that round up.
    private static let probe: [Double] = [
        0, 0.5, 0.25, 0.125, 1, 7.5, 9.99, 12, 99.95, 123.456, 999, 999.5, 1_000, 1_234, 1_234.5, 9_999.99, 12_345, 99_999,
        100_000, 123_456.78, 999_999.995, 1_234_567, 12_345_678.9, 123_456_789, 1_234_567_890.12, 999_999_999_999,
    ]
}
