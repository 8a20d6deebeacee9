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
        var svg = SVGBuffer(capacity: 4096)
        svg.add(
            openSVG(
                width: lineChartSize.width, height: lineChartSize.height, className: "rapport-chart",
                extra: #" font-family="system-ui, sans-serif" font-size="11""#))
        svg.add("<title>")
        svg.escaped(title)
        svg.add("</title><desc>")
        svg.escaped(description)
        svg.add("</desc>")
        if let firstHighlighted = points.firstIndex(where: \.isHighlighted) {
            let x = frame.slotStart(firstHighlighted)
            rect(
                className: "period", x: x, y: frame.top, width: frame.right - x, height: frame.bottom - frame.top,
                attributes: #"fill="currentColor" fill-opacity="0.07""#, into: &svg)
        }
        guard let scale = ChartScale(values: points.compactMap(\.value)) else {
            svg.add(#"<text class="no-data" x=""#)
            svg.number((frame.left + frame.right) / 2)
            svg.add(#"" y=""#)
            svg.number((frame.top + frame.bottom) / 2)
            svg.add(#"" text-anchor="middle" fill="currentColor" fill-opacity="0.7">No data</text>"#)
            xAxis(points: points, frame: frame, into: &svg)
            svg.add("</svg>")
            return svg.string
        }
        yAxis(scale: scale, frame: frame, formatValue: formatValue, into: &svg)
        xAxis(points: points, frame: frame, into: &svg)
        let positions = points.enumerated().map { index, point in
            point.value.map { (x: frame.center(index), y: scale.position(of: $0, bottom: frame.bottom, top: frame.top)) }
        }
        lines(points: points, positions: positions, into: &svg)
        dots(points: points, positions: positions, into: &svg)
        svg.add("</svg>")
        return svg.string
    }

    // MARK: - Axes

    private static func yAxis(scale: ChartScale, frame: LineChartFrame, formatValue: (Double) -> String, into svg: inout SVGBuffer) {
        var labels = SVGBuffer(capacity: 1024)
        svg.add(#"<g class="grid" stroke="currentColor" stroke-width="1">"#)
        labels.add(#"<g class="y-labels" fill="currentColor" fill-opacity="0.8" text-anchor="end">"#)
        // The zero line is the baseline when the axis crosses zero, else the bottom of the plot.
        let baseline = scale.ticks.contains(0) ? 0 : scale.lower
        for tick in scale.ticks {
            let y = scale.position(of: tick, bottom: frame.bottom, top: frame.top)
            svg.add(#"<line x1=""#)
            svg.number(frame.left)
            svg.add(#"" y1=""#)
            svg.number(y)
            svg.add(#"" x2=""#)
            svg.number(frame.right)
            svg.add(#"" y2=""#)
            svg.number(y)
            svg.add(tick == baseline ? #"" stroke-opacity="0.45"/>"# : #"" stroke-opacity="0.15"/>"#)
            labels.add(#"<text x=""#)
            labels.number(frame.left - 8)
            labels.add(#"" y=""#)
            labels.number(y + 4)
            labels.add(#"">"#)
            labels.escaped(formatValue(tick))
            labels.add("</text>")
        }
        svg.add("</g>")
        svg.add(labels)
        svg.add("</g>")
    }

    private static func xAxis(points: [ChartPoint], frame: LineChartFrame, into svg: inout SVGBuffer) {
        // Labels about 70px apart at most; counted from the end so the latest month is always labelled.
        let every = max(1, (points.count + 7) / 8)
        svg.add(#"<g class="x-labels" fill="currentColor" fill-opacity="0.8" text-anchor="middle">"#)
        for (index, point) in points.enumerated() where (points.count - 1 - index) % every == 0 {
            svg.add(#"<text x=""#)
            svg.number(frame.center(index))
            svg.add(#"" y=""#)
            svg.number(frame.bottom + 20)
            svg.add(point.isHighlighted ? #"" font-weight="600">"# : #"">"#)
            svg.escaped(point.label)
            svg.add("</text>")
        }
        svg.add("</g>")
    }

    // MARK: - Series

    /// Paths for runs of months with data; the step into the current period belongs to the previous (dashed) line.
    private static func lines(points: [ChartPoint], positions: [(x: Double, y: Double)?], into svg: inout SVGBuffer) {
        var previousPaths = SVGBuffer(capacity: 512)
        var currentPaths = SVGBuffer(capacity: 512)
        var pathIsOpen = false
        var pathIsCurrent = false
        func extend(_ write: (inout SVGBuffer) -> Void) {
            if pathIsCurrent { write(&currentPaths) } else { write(&previousPaths) }
        }
        func finish() {
            guard pathIsOpen else { return }
            extend { $0.add(#""/>"#) }
            pathIsOpen = false
        }
        for index in points.indices.dropLast() {
            guard let from = positions[index], let to = positions[index + 1] else {
                finish()
                continue
            }
            let isCurrent = points[index].isHighlighted
            if pathIsOpen && isCurrent != pathIsCurrent { finish() }
            if !pathIsOpen {
                pathIsOpen = true
                pathIsCurrent = isCurrent
                extend { path in
                    path.add(#"<path d="M"#)
                    path.number(from.x)
                    path.add(" ")
                    path.number(from.y)
                }
            }
            extend { path in
                path.add("L")
                path.number(to.x)
                path.add(" ")
                path.number(to.y)
            }
        }
        finish()
        if !previousPaths.isEmpty {
            svg.add(#"<g class="previous-line" fill="none" stroke="currentColor" stroke-opacity="0.55" stroke-width="1.5" "#)
            svg.add(#"stroke-dasharray="5 4" stroke-linejoin="round" stroke-linecap="round">"#)
            svg.add(previousPaths)
            svg.add("</g>")
        }
        if !currentPaths.isEmpty {
            svg.add(#"<g class="current-line" fill="none" stroke="currentColor" stroke-width="2.5" "#)
            svg.add(#"stroke-linejoin="round" stroke-linecap="round">"#)
            svg.add(currentPaths)
            svg.add("</g>")
        }
    }

    /// Hollow small circles before the period, filled larger ones in it; a month between two gaps shows as a dot alone.
    private static func dots(points: [ChartPoint], positions: [(x: Double, y: Double)?], into svg: inout SVGBuffer) {
        var previous = SVGBuffer(capacity: 512)
        var current = SVGBuffer(capacity: 512)
        for (point, position) in zip(points, positions) {
            guard let position else { continue }
            func circle(_ dots: inout SVGBuffer, radius: StaticString) {
                dots.add(#"<circle cx=""#)
                dots.number(position.x)
                dots.add(#"" cy=""#)
                dots.number(position.y)
                dots.add(#"" r=""#)
                dots.add(radius)
                dots.add(#""/>"#)
            }
            if point.isHighlighted { circle(&current, radius: "3.5") } else { circle(&previous, radius: "2.5") }
        }
        if !previous.isEmpty {
            svg.add(#"<g class="previous-points" fill="none" stroke="currentColor" stroke-opacity="0.55" stroke-width="1.5">"#)
            svg.add(previous)
            svg.add("</g>")
        }
        if !current.isEmpty {
            svg.add(#"<g class="current-points" fill="currentColor">"#)
            svg.add(current)
            svg.add("</g>")
        }
    }

    // MARK: - SVG pieces

    static func openSVG(width: Int, height: Int, className: String, extra: String = "") -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" class="\#(className)" width="\#(width)" height="\#(height)" "#
            + #"viewBox="0 0 \#(width) \#(height)" role="img"\#(extra)>"#
    }

    private static func rect(
        className: StaticString, x: Double, y: Double, width: Double, height: Double, attributes: StaticString,
        into svg: inout SVGBuffer
    ) {
        svg.add(#"<rect class=""#)
        svg.add(className)
        svg.add(#"" x=""#)
        svg.number(x)
        svg.add(#"" y=""#)
        svg.number(y)
        svg.add(#"" width=""#)
        svg.number(width)
        svg.add(#"" height=""#)
        svg.number(height)
        svg.add(#"" "#)
        svg.add(attributes)
        svg.add("/>")
    }
}
