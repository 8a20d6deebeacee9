/// Where the plot area sits inside the line chart, and where each month's slot is.
struct LineChartFrame {
    let left = 64.0
    let right = Double(ChartRenderer.lineChartSize.width) - 16
    let top = 16.0
    let bottom = Double(ChartRenderer.lineChartSize.height) - 32
    let count: Int

    /// Each month owns an equal slot, so the shaded band covers whole months.
    var slotWidth: Double { (right - left) / Double(max(count, 1)) }

    /// The left edge of month `index`'s slot.
    func slotStart(_ index: Int) -> Double { left + Double(index) * slotWidth }

    /// The middle of month `index`'s slot, where its point sits.
    func center(_ index: Int) -> Double { left + (Double(index) + 0.5) * slotWidth }
}
