import Testing

@testable import RapportCore

@Suite struct ChartSVGTextTests {
    @Test func escapesMarkupAndDropsControls() {
        #expect(SVGText.escape(#"<b>R&D's "users"</b>"#) == "&lt;b&gt;R&amp;D&apos;s &quot;users&quot;&lt;/b&gt;")
        #expect(SVGText.escape("a\u{0}b\u{1B}c\nd") == "abc\nd")
    }

    @Test func numbersHaveOneDecimalAndNoNegativeZero() {
        #expect(SVGText.number(12) == "12")
        #expect(SVGText.number(110.6666) == "110.7")
        #expect(SVGText.number(-0.04) == "0")
        #expect(SVGText.number(-2.25) == "-2.3")
        #expect(SVGText.number(0.05) == "0.1")
    }
}
