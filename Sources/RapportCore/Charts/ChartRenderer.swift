/// Draws metric series as self-contained inline SVG: no script, no web fonts, prints in grey-scale.
///
/// Everything is drawn in `currentColor` at different opacities, widths and
/// dash patterns, so the chart follows the page's text colour and the two
/// periods stay apart on a black-and-white printout. Coordinates are rounded
/// to one decimal, so the same input always gives the same bytes.
public enum ChartRenderer {
    /// The line chart's width and height in CSS pixels (also its viewBox).
    public static let lineChartSize = (width: 640, height: 240)
    /// The sparkline's width and height in CSS pixels (also its viewBox).
    public static let sparklineSize = (width: 120, height: 28)

    /// A line chart of `points`: the highlighted (current) period solid over a
    /// shaded band, the months before it dashed and lighter, gaps breaking the line.
    ///
    /// `title` and `description` become the SVG's `<title>` and `<desc>`;
    /// `formatValue` writes the y-axis tick labels in the reader's locale.
    public static func lineChart(
        title: String, description: String, points: [ChartPoint], formatValue: (Double) -> String
    ) -> String {
        let frame = LineChartFrame(count: points.count)
        var svg = openSVG(
            width: lineChartSize.width, height: lineChartSize.height, className: "rapport-chart",
            extra: #" font-family="system-ui, sans-serif" font-size="11""#)
        svg += "<title>\(SVGText.escape(title))</title>"
        svg += "<desc>\(SVGText.escape(description))</desc>"
        if let firstHighlighted = points.firstIndex(where: \.isHighlighted) {
            let x = frame.slotStart(firstHighlighted)
            svg += rect(
                className: "period", x: x, y: frame.top, width: frame.right - x, height: frame.bottom - frame.top,
                attributes: #"fill="currentColor" fill-opacity="0.07""#)
        }
        guard let scale = ChartScale(values: points.compactMap(\.value)) else {
            svg += #"<text class="no-data" x="\#(SVGText.number((frame.left + frame.right) / 2))" "#
            svg += #"y="\#(SVGText.number((frame.top + frame.bottom) / 2))" text-anchor="middle" fill="currentColor" "#
            svg += #"fill-opacity="0.7">No data</text>"#
            return svg + xAxis(points: points, frame: frame) + "</svg>"
        }
        svg += yAxis(scale: scale, frame: frame, formatValue: formatValue)
        svg += xAxis(points: points, frame: frame)
        let positions = points.enumerated().map { index, point in
            point.value.map { (x: frame.center(index), y: scale.position(of: $0, bottom: frame.bottom, top: frame.top)) }
        }
        svg += lines(points: points, positions: positions)
        svg += dots(points: points, positions: positions)
        return svg + "</svg>"
    }

    // MARK: - Axes

    private static func yAxis(scale: ChartScale, frame: LineChartFrame, formatValue: (Double) -> String) -> String {
        var grid = #"<g class="grid" stroke="currentColor" stroke-width="1">"#
        var labels = #"<g class="y-labels" fill="currentColor" fill-opacity="0.8" text-anchor="end">"#
        // The zero line is the baseline when the axis crosses zero, else the bottom of the plot.
        let baseline = scale.ticks.contains(0) ? 0 : scale.lower
        for tick in scale.ticks {
            let y = SVGText.number(scale.position(of: tick, bottom: frame.bottom, top: frame.top))
            let opacity = tick == baseline ? "0.45" : "0.15"
            grid += #"<line x1="\#(SVGText.number(frame.left))" y1="\#(y)" x2="\#(SVGText.number(frame.right))" "#
            grid += #"y2="\#(y)" stroke-opacity="\#(opacity)"/>"#
            let labelY = SVGText.number(scale.position(of: tick, bottom: frame.bottom, top: frame.top) + 4)
            labels += #"<text x="\#(SVGText.number(frame.left - 8))" y="\#(labelY)">\#(SVGText.escape(formatValue(tick)))</text>"#
        }
        return grid + "</g>" + labels + "</g>"
    }

    private static func xAxis(points: [ChartPoint], frame: LineChartFrame) -> String {
        // Labels about 70px apart at most; counted from the end so the latest month is always labelled.
        let every = max(1, (points.count + 7) / 8)
        var svg = #"<g class="x-labels" fill="currentColor" fill-opacity="0.8" text-anchor="middle">"#
        for (index, point) in points.enumerated() where (points.count - 1 - index) % every == 0 {
            let weight = point.isHighlighted ? #" font-weight="600""# : ""
            svg += #"<text x="\#(SVGText.number(frame.center(index)))" y="\#(SVGText.number(frame.bottom + 20))"\#(weight)>"#
            svg += SVGText.escape(point.label) + "</text>"
        }
        return svg + "</g>"
    }

    // MARK: - Series

    /// Paths for runs of months with data; the step into the current period belongs to the previous (dashed) line.
    private static func lines(points: [ChartPoint], positions: [(x: Double, y: Double)?]) -> String {
        var previousPaths: [String] = []
        var currentPaths: [String] = []
        var path = ""
        var pathIsCurrent = false
        func finish() {
            guard !path.isEmpty else { return }
            if pathIsCurrent { currentPaths.append(path) } else { previousPaths.append(path) }
            path = ""
        }
        for index in points.indices.dropLast() {
            guard let from = positions[index], let to = positions[index + 1] else {
                finish()
                continue
            }
            let isCurrent = points[index].isHighlighted
            if !path.isEmpty && isCurrent != pathIsCurrent { finish() }
            if path.isEmpty {
                path = "M\(SVGText.number(from.x)) \(SVGText.number(from.y))"
                pathIsCurrent = isCurrent
            }
            path += "L\(SVGText.number(to.x)) \(SVGText.number(to.y))"
        }
        finish()
        var svg = ""
        if !previousPaths.isEmpty {
            svg += #"<g class="previous-line" fill="none" stroke="currentColor" stroke-opacity="0.55" stroke-width="1.5" "#
            svg += #"stroke-dasharray="5 4" stroke-linejoin="round" stroke-linecap="round">"#
            svg += previousPaths.map { #"<path d="\#($0)"/>"# }.joined() + "</g>"
        }
        if !currentPaths.isEmpty {
            svg += #"<g class="current-line" fill="none" stroke="currentColor" stroke-width="2.5" "#
            svg += #"stroke-linejoin="round" stroke-linecap="round">"#
            svg += currentPaths.map { #"<path d="\#($0)"/>"# }.joined() + "</g>"
        }
        return svg
    }

    /// Hollow small circles before the period, filled larger ones in it; a month between two gaps shows as a dot alone.
    private static func dots(points: [ChartPoint], positions: [(x: Double, y: Double)?]) -> String {
        var previous = ""
        var current = ""
        for (point, position) in zip(points, positions) {
            guard let position else { continue }
            let center = #"cx="\#(SVGText.number(position.x))" cy="\#(SVGText.number(position.y))""#
            if point.isHighlighted {
                current += #"<circle \#(center) r="3.5"/>"#
            } else {
                previous += #"<circle \#(center) r="2.5"/>"#
            }
        }
        var svg = ""
        if !previous.isEmpty {
            svg += #"<g class="previous-points" fill="none" stroke="currentColor" stroke-opacity="0.55" stroke-width="1.5">"#
            svg += previous + "</g>"
        }
        if !current.isEmpty {
            svg += #"<g class="current-points" fill="currentColor">"# + current + "</g>"
        }
        return svg
    }

    // MARK: - SVG pieces

    static func openSVG(width: Int, height: Int, className: String, extra: String = "") -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" class="\#(className)" width="\#(width)" height="\#(height)" "#
            + #"viewBox="0 0 \#(width) \#(height)" role="img"\#(extra)>"#
    }

    private static func rect(className: String, x: Double, y: Double, width: Double, height: Double, attributes: String)
        -> String
    {
        #"<rect class="\#(className)" x="\#(SVGText.number(x))" y="\#(SVGText.number(y))" "#
            + #"width="\#(SVGText.number(width))" height="\#(SVGText.number(height))" \#(attributes)/>"#
    }
}
