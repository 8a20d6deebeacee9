import Testing

@testable import RapportCore

@Suite struct CalendarDateTests {
    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-01-01", "2026-1-01", "2026/01/01", "", "tomorrow"])
    func rejectsImpossibleOrMalformedDates(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func acceptsLeapDays() {
        #expect(CalendarDate(iso: "2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        #expect(CalendarDate(iso: "1900-02-29") == nil)
    }

    @Test func daysBetweenDates() {
        let start = CalendarDate(year: 2026, month: 11, day: 26)
        #expect(start.days(until: CalendarDate(year: 2027, month: 1, day: 10)) == 45)
        #expect(start.days(until: CalendarDate(year: 2026, month: 8, day: 1)) == -117)
        #expect(CalendarDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(start.description == "2026-11-26")
    }

    @Test func completedMonths() {
        let start = CalendarDate(year: 2023, month: 2, day: 15)
        #expect(start.completedMonths(until: CalendarDate(year: 2026, month: 2, day: 14)) == 35)
        #expect(start.completedMonths(until: CalendarDate(year: 2026, month: 2, day: 15)) == 36)
    }
}
