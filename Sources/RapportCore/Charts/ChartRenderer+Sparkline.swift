/// The small inline trend line shown next to a number.
extension ChartRenderer {
    /// A sparkline of `values` (gaps as `nil`) with the last value marked; `title` names it for screen readers.
    public static func sparkline(title: String, values: [Double?]) -> String {
        let width = Double(sparklineSize.width)
        let height = Double(sparklineSize.height)
        let pad = 3.0
        var svg = openSVG(width: sparklineSize.width, height: sparklineSize.height, className: "rapport-sparkline")
        svg += "<title>\(SVGText.escape(title))</title>"
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return svg + "</svg>" }
        let step = values.count > 1 ? (width - 2 * pad) / Double(values.count - 1) : 0
        let positions: [(x: Double, y: Double)?] = values.enumerated().map { index, value in
            guard let value else { return nil }
            let x = values.count > 1 ? pad + Double(index) * step : width / 2
            // A flat series runs through the middle rather than hugging an edge.
            let y = high == low ? height / 2 : (height - pad) - (value - low) / (high - low) * (height - 2 * pad)
            return (x, y)
        }
        var paths: [String] = []
        var path = ""
        for index in positions.indices.dropLast() {
            guard let from = positions[index], let to = positions[index + 1] else {
                if !path.isEmpty { paths.append(path) }
                path = ""
                continue
            }
            if path.isEmpty { path = "M\(SVGText.number(from.x)) \(SVGText.number(from.y))" }
            path += "L\(SVGText.number(to.x)) \(SVGText.number(to.y))"
        }
        if !path.isEmpty { paths.append(path) }
        if !paths.isEmpty {
            svg += #"<g fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round">"#
            svg += paths.map { #"<path d="\#($0)"/>"# }.joined() + "</g>"
        }
        let lastIndex = positions.lastIndex { $0 != nil }
        var dots = ""
        for (index, position) in positions.enumerated() {
            guard let position else { continue }
            let alone = (index == 0 || positions[index - 1] == nil) && (index == positions.count - 1 || positions[index + 1] == nil)
            // The latest value is marked larger; a month between two gaps needs a dot or it would not show at all.
            guard index == lastIndex || alone else { continue }
            let radius = index == lastIndex ? "2.5" : "1.5"
            dots += #"<circle cx="\#(SVGText.number(position.x))" cy="\#(SVGText.number(position.y))" r="\#(radius)"/>"#
        }
        if !dots.isEmpty { svg += #"<g fill="currentColor">"# + dots + "</g>" }
        return svg + "</svg>"
    }
}
