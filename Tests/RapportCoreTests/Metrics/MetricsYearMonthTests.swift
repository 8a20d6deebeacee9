import Testing

@testable import RapportCore

@Suite struct MetricsYearMonthTests {
    @Test func parsesAndPrintsISO() {
        #expect(YearMonth(iso: "2026-11") == YearMonth(year: 2026, month: 11))
        #expect(YearMonth(iso: " 2026-01 ")?.description == "2026-01")
        #expect(YearMonth(year: 987, month: 3).description == "0987-03")
    }

    @Test(arguments: ["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "", "２０２６-11", "+026-11"])
    func rejectsMalformedMonths(_ text: String) {
        #expect(YearMonth(iso: text) == nil)
    }

    @Test func stepsAcrossYearBoundaries() {
        let december = YearMonth(year: 2026, month: 12)
        #expect(december.next == YearMonth(year: 2027, month: 1))
        #expect(YearMonth(year: 2027, month: 1).previous == december)
        #expect(december.advanced(by: -12) == YearMonth(year: 2025, month: 12))
        #expect(december.advanced(by: -25) == YearMonth(year: 2024, month: 11))
        #expect(december.advanced(by: 14) == YearMonth(year: 2028, month: 2))
        #expect(YearMonth(year: 2026, month: 10).months(until: YearMonth(year: 2027, month: 2)) == 4)
    }

    @Test func ordersChronologically() {
        #expect(YearMonth(year: 2025, month: 12) < YearMonth(year: 2026, month: 1))
        #expect(!(YearMonth(year: 2026, month: 2) < YearMonth(year: 2026, month: 1)))
    }
}
