import Foundation
import Testing

@testable import RapportCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ChartRendererTests {
    private let formatter = LocaleFormatter()

    private func chart(title: String = "Seats", description: String = "Seats", _ points: [ChartPoint]) -> String {
        ChartRenderer.lineChart(title: title, description: description, points: points) {
            formatter.number($0, locale: "en-US")
        }
    }

    private func point(_ label: String, _ value: Double?, current: Bool = true) -> ChartPoint {
        ChartPoint(label: label, value: value, isHighlighted: current)
    }

    /// The number of `<path` elements inside the group with `className`.
    private func pathCount(in svg: String, group className: String) -> Int {
        guard let start = svg.range(of: #"<g class="\#(className)""#) else { return 0 }
        let rest = svg[start.upperBound...]
        let end = rest.range(of: "</g>")!.lowerBound
        return rest[..<end].components(separatedBy: "<path ").count - 1
    }

    // MARK: - Golden output

    @Test func twoMonthChart() {
        let svg = chart(description: "Seats in Oct 2026: 20", [point("Sep 2026", 10, current: false), point("Oct 2026", 20)])
        #expect(svg == goldenTwoMonths)
    }

    @Test func gapNegativeAndEscapedChart() {
        let svg = chart(
            title: #"R&D <"spend">"#, description: "a < b & c",
            [point("A", -4, current: false), point("B", nil, current: false), point("C", 6), point("D", 2)])
        #expect(svg == goldenGapNegativeEscaped)
    }

    @Test func sparklineGolden() {
        #expect(ChartRenderer.sparkline(title: "Seats & more", values: [1, nil, 3, 4]) == goldenSparkline)
    }

    // MARK: - Geometry

    @Test func gapSplitsTheLineIntoTwoSegments() {
        let svg = chart([point("1", 1), point("2", 2), point("3", nil), point("4", 3), point("5", 4)])
        #expect(pathCount(in: svg, group: "current-line") == 2)
        #expect(!svg.contains(#"class="previous-line""#))
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 4)
    }

    @Test func stepIntoThePeriodIsDashedAndThePeriodSolid() {
        let svg = chart([point("1", 1, current: false), point("2", 2, current: false), point("3", 3), point("4", 4)])
        #expect(pathCount(in: svg, group: "previous-line") == 1)
        #expect(pathCount(in: svg, group: "current-line") == 1)
        #expect(svg.contains(#"stroke-dasharray="5 4""#))
    }

    @Test func lonePointIsADotWithoutAPath() {
        let svg = chart([point("1", nil), point("2", 5), point("3", nil)])
        #expect(!svg.contains("<path"))
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 1)
    }

    @Test func noDataSaysSo() {
        let svg = chart([point("1", nil, current: false), point("2", nil)])
        #expect(svg.contains(">No data</text>"))
        #expect(!svg.contains("<circle"))
    }

    @Test func manyMonthsThinTheLabelsButKeepTheLatest() {
        let points = (1...24).map { point("M\($0)", Double($0), current: $0 > 12) }
        let svg = chart(points)
        #expect(svg.components(separatedBy: "</text>").count - 1 == 8 + 4)
        #expect(svg.contains(">M24</text>"))
        #expect(!svg.contains(">M23</text>"))
    }

    // MARK: - Output hygiene

    @Test func outputIsWellFormedXML() {
        let svgs = [
            chart(title: "a & b <c> \"d\" 'e' \u{1}", description: "]]> &amp;", [point("<x>", 1), point("&", nil)]),
            chart([point("1", nil)]),
            chart([point("1", -3, current: false), point("2", 1e9)]),
            ChartRenderer.sparkline(title: "<t>", values: []),
            ChartRenderer.sparkline(title: "t", values: [nil, 2, nil, 5, 5]),
        ]
        for svg in svgs {
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "not well-formed: \(svg)")
        }
    }

    @Test func sameInputGivesIdenticalBytes() {
        let points = (0..<6).map { point("M\($0)", $0 == 2 ? nil : Double($0) * 1.37 - 2, current: $0 >= 3) }
        #expect(chart(points) == chart(points))
        let values: [Double?] = [0.1, 0.2, nil, 0.30000000000000004]
        #expect(ChartRenderer.sparkline(title: "x", values: values) == ChartRenderer.sparkline(title: "x", values: values))
    }

    @Test func chartsUseNoScriptsOrExternalResources() {
        let svg = chart([point("1", 1), point("2", 2)]) + ChartRenderer.sparkline(title: "x", values: [1, 2])
        for forbidden in ["<script", "href", "url(", "@import", "<style", "onload"] {
            #expect(!svg.contains(forbidden), "\(forbidden)")
        }
        #expect(svg.contains(#"role="img""#))
    }
}

// Recorded once and checked by eye (rendered in Chromium); pinned so any change to the drawing is deliberate.
private let goldenTwoMonths = [
    #"<svg xmlns="http://www.w3.org/2000/svg" class="rapport-chart" width="640" height="240" viewBox="0 0 640 240" role="img" font-family="system-ui, sans-serif" font-size="11">"#,
    #"<title>Seats</title>"#,
    #"<desc>Seats in Oct 2026: 20</desc>"#,
    #"<rect class="period" x="344" y="16" width="280" height="192" fill="currentColor" fill-opacity="0.07"/>"#,
    #"<g class="grid" stroke="currentColor" stroke-width="1">"#,
    #"<line x1="64" y1="208" x2="624" y2="208" stroke-opacity="0.45"/>"#,
    #"<line x1="64" y1="160" x2="624" y2="160" stroke-opacity="0.15"/>"#,
    #"<line x1="64" y1="112" x2="624" y2="112" stroke-opacity="0.15"/>"#,
    #"<line x1="64" y1="64" x2="624" y2="64" stroke-opacity="0.15"/>"#,
    #"<line x1="64" y1="16" x2="624" y2="16" stroke-opacity="0.15"/>"#,
    #"</g>"#,
    #"<g class="y-labels" fill="currentColor" fill-opacity="0.8" text-anchor="end">"#,
    #"<text x="56" y="212">0</text>"#,
    #"<text x="56" y="164">5</text>"#,
    #"<text x="56" y="116">10</text>"#,
    #"<text x="56" y="68">15</text>"#,
    #"<text x="56" y="20">20</text>"#,
    #"</g>"#,
    #"<g class="x-labels" fill="currentColor" fill-opacity="0.8" text-anchor="middle">"#,
    #"<text x="204" y="228">Sep 2026</text>"#,
    #"<text x="484" y="228" font-weight="600">Oct 2026</text>"#,
    #"</g>"#,
    #"<g class="previous-line" fill="none" stroke="currentColor" stroke-opacity="0.55" stroke-width="1.5" stroke-dasharray="5 4" stroke-linejoin="round" stroke-linecap="round">"#,
    #"<path d="M204 112L484 16"/>"#,
    #"</g>"#,
    #"<g class="previous-points" fill="none" stroke="currentColor" stroke-opacity="0.55" stroke-width="1.5">"#,
    #"<circle cx="204" cy="112" r="2.5"/>"#,
    #"</g>"#,
    #"<g class="current-points" fill="currentColor">"#,
    #"<circle cx="484" cy="16" r="3.5"/>"#,
    #"</g>"#,
    #"</svg>"#,
].joined()
private let goldenGapNegativeEscaped = [
    #"<svg xmlns="http://www.w3.org/2000/svg" class="rapport-chart" width="640" height="240" viewBox="0 0 640 240" role="img" font-family="system-ui, sans-serif" font-size="11">"#,
    #"<title>R&amp;D &lt;&quot;spend&quot;&gt;</title>"#,
    #"<desc>a &lt; b &amp; c</desc>"#,
    #"<rect class="period" x="344" y="16" width="280" height="192" fill="currentColor" fill-opacity="0.07"/>"#,
    #"<g class="grid" stroke="currentColor" stroke-width="1">"#,
    #"<line x1="64" y1="208" x2="624" y2="208" stroke-opacity="0.15"/>"#,
    #"<line x1="64" y1="144" x2="624" y2="144" stroke-opacity="0.45"/>"#,
    #"<line x1="64" y1="80" x2="624" y2="80" stroke-opacity="0.15"/>"#,
    #"<line x1="64" y1="16" x2="624" y2="16" stroke-opacity="0.15"/>"#,
    #"</g>"#,
    #"<g class="y-labels" fill="currentColor" fill-opacity="0.8" text-anchor="end">"#,
    #"<text x="56" y="212">\#u{2212}5</text>"#,
    #"<text x="56" y="148">0</text>"#,
    #"<text x="56" y="84">5</text>"#,
    #"<text x="56" y="20">10</text>"#,
    #"</g>"#,
    #"<g class="x-labels" fill="currentColor" fill-opacity="0.8" text-anchor="middle">"#,
    #"<text x="134" y="228">A</text>"#,
    #"<text x="274" y="228">B</text>"#,
    #"<text x="414" y="228" font-weight="600">C</text>"#,
    #"<text x="554" y="228" font-weight="600">D</text>"#,
    #"</g>"#,
    #"<g class="current-line" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round">"#,
    #"<path d="M414 67.2L554 118.4"/>"#,
    #"</g>"#,
    #"<g class="previous-points" fill="none" stroke="currentColor" stroke-opacity="0.55" stroke-width="1.5">"#,
    #"<circle cx="134" cy="195.2" r="2.5"/>"#,
    #"</g>"#,
    #"<g class="current-points" fill="currentColor">"#,
    #"<circle cx="414" cy="67.2" r="3.5"/>"#,
    #"<circle cx="554" cy="118.4" r="3.5"/>"#,
    #"</g>"#,
    #"</svg>"#,
].joined()
private let goldenSparkline = [
    #"<svg xmlns="http://www.w3.org/2000/svg" class="rapport-sparkline" width="120" height="28" viewBox="0 0 120 28" role="img">"#,
    #"<title>Seats &amp; more</title>"#,
    #"<g fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round">"#,
    #"<path d="M79 10.3L117 3"/>"#,
    #"</g>"#,
    #"<g fill="currentColor">"#,
    #"<circle cx="3" cy="25" r="1.5"/>"#,
    #"<circle cx="117" cy="3" r="2.5"/>"#,
    #"</g>"#,
    #"</svg>"#,
].joined()
