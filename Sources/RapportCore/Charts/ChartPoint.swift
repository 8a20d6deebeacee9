/// One month on a line chart: its axis label, its value (or a gap) and whether it is in the highlighted period.
public struct ChartPoint: Hashable, Sendable {
    /// The x-axis label, already formatted for the reader, e.g. `Oct 2026`.
    public var label: String
    /// The value, or `nil` for a month without data.
    public var value: Double?
    /// Whether the month belongs to the current (highlighted) period rather than the one before.
    public var isHighlighted: Bool

    /// A point labelled `label` with `value`, highlighted when in the current period.
    public init(label: String, value: Double?, isHighlighted: Bool) {
        self.label = label
        self.value = value
        self.isHighlighted = isHighlighted
    }
}
