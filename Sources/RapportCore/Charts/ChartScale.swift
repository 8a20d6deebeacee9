import Foundation

/// The value axis of a chart: its range and 3 to 5 round tick values.
///
/// The axis starts at zero when all values are positive (so bar-like
/// readings are honest) unless the values sit in a narrow band far from
/// zero, where a zero base would flatten the line into an unreadable strip.
struct ChartScale: Equatable {
    /// The value at the bottom of the plot.
    let lower: Double
    /// The value at the top of the plot.
    let upper: Double
    /// Tick values from bottom to top, the first equal to `lower` and the last to `upper`.
    let ticks: [Double]

    /// A zero base is kept while the data's own range is at least this share of its distance from zero.
    static let zeroBaseShare = 0.25

    /// The scale for `values`; `nil` when there are none.
    init?(values: [Double]) {
        guard var low = values.min(), var high = values.max() else { return nil }
        if low == high {
            // A flat line or a single point: show it against zero, or 0...1 for zero itself.
            if low > 0 { low = 0 } else if low < 0 { high = 0 } else { high = 1 }
        } else if low >= 0, high - low >= Self.zeroBaseShare * high {
            low = 0
        } else if high <= 0, high - low >= Self.zeroBaseShare * -low {
            high = 0
        }
        let step = Self.niceStep(low: low, high: high)
        var first = Self.floorIndex(low / step)
        var last = Self.ceilIndex(high / step)
        if last - first < 2 {
            if high <= 0 && low < 0 { first -= 2 - (last - first) } else { last += 2 - (last - first) }
        }
        ticks = (first...last).map { Self.clean(Double($0) * step) }
        lower = ticks.first!
        upper = ticks.last!
    }

    /// Where `value` falls between `bottom` (at `lower`) and `top` (at `upper`) in SVG coordinates.
    func position(of value: Double, bottom: Double, top: Double) -> Double {
        bottom - (value - lower) / (upper - lower) * (bottom - top)
    }

    // MARK: - Steps

    /// The smallest of 1, 2, 2.5 and 5 times a power of ten that needs at most 4 intervals.
    private static func niceStep(low: Double, high: Double) -> Double {
        let span = high - low
        var magnitude = pow(10, (log10(span / 4)).rounded(.down))
        while true {
            for multiple in [1.0, 2, 2.5, 5] {
                let step = multiple * magnitude
                if ceilIndex(high / step) - floorIndex(low / step) <= 4 { return step }
            }
            magnitude *= 10
        }
    }

    // Divisions such as 0.3 / 0.1 land a hair off whole numbers; these treat "within 1e-9" as whole.
    private static func floorIndex(_ value: Double) -> Int { Int((value + 1e-9).rounded(.down)) }
    private static func ceilIndex(_ value: Double) -> Int { Int((value - 1e-9).rounded(.up)) }

    /// `0.30000000000000004` -> `0.3`, so tick labels and positions come from the intended value.
    private static func clean(_ value: Double) -> Double {
        let rounded = (value * 1e9).rounded() / 1e9
        return rounded == 0 ? 0 : rounded
    }
}
