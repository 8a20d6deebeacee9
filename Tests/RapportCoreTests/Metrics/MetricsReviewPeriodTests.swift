import Testing

@testable import RapportCore

@Suite struct MetricsReviewPeriodTests {
    private func month(_ text: String) -> YearMonth { YearMonth(iso: text)! }

    @Test func parsesQuarters() throws {
        let period = try #require(ReviewPeriod(quarter: "2026-Q4"))
        #expect(period.name == "2026-Q4")
        #expect(period.label == "Q4 2026")
        #expect(period.start == month("2026-10"))
        #expect(period.end == month("2026-12"))
        #expect(period.months == [month("2026-10"), month("2026-11"), month("2026-12")])
    }

    @Test(arguments: ["2026-Q0", "2026-Q5", "2026-q4", "2026Q4", "26-Q4", "2026-Q04", "2026-4", "Q4-2026"])
    func rejectsMalformedQuarters(_ text: String) {
        #expect(ReviewPeriod(quarter: text) == nil)
    }

    @Test func previousOfQ1IsLastYearsQ4() throws {
        let previous = try #require(ReviewPeriod(quarter: "2026-Q1")).previous
        #expect(previous == ReviewPeriod(name: "2025-Q4", start: month("2025-10"), end: month("2025-12")))
        #expect(previous.label == "Q4 2025")
    }

    @Test func nextOfQ4IsNextYearsQ1() throws {
        let next = try #require(ReviewPeriod(quarter: "2026-Q4")).next
        #expect(next == ReviewPeriod(name: "2027-Q1", start: month("2027-01"), end: month("2027-03")))
    }

    @Test func parsesYearAndMonthNames() throws {
        let year = try #require(ReviewPeriod(name: "2026"))
        #expect((year.start, year.end, year.label) == (month("2026-01"), month("2026-12"), "2026"))
        #expect(year.previous.name == "2025")
        let single = try #require(ReviewPeriod(name: "2026-01"))
        #expect(single.months == [month("2026-01")])
        #expect(single.previous.name == "2025-12")
        #expect(ReviewPeriod(name: "2026-Q2")?.label == "Q2 2026")
        #expect(ReviewPeriod(name: "spring") == nil)
    }

    @Test func customPeriodsKeepTheirNameAndStepByTheirLength() {
        let custom = ReviewPeriod(name: "renewal-review", start: month("2026-11"), end: month("2027-02"))
        #expect(custom.label == "renewal-review")
        #expect(custom.monthCount == 4)
        #expect(custom.previous == ReviewPeriod(name: "2026-07..2026-10", start: month("2026-07"), end: month("2026-10")))
        #expect(custom.next.name == "2027-03..2027-06")
        #expect(custom.unitName == "period")
    }

    @Test func viewModelFormatsMonthsInTheLocale() throws {
        let period = try #require(ReviewPeriod(quarter: "2026-Q4"))
        let english = period.viewModel(locale: "en-US", formatter: LocaleFormatter()).untyped
        #expect(english["name"] as? String == "2026-Q4")
        #expect(english["label"] as? String == "Q4 2026")
        #expect(english["start"] as? String == "October 2026")
        #expect(english["end"] as? String == "December 2026")
        #expect(english["start_iso"] as? String == "2026-10")
        #expect(english["end_iso"] as? String == "2026-12")
        #expect(english["previous"] as? [String: String] == ["name": "2026-Q3", "label": "Q3 2026"])
        #expect(english["next"] as? [String: String] == ["name": "2027-Q1", "label": "Q1 2027"])
        #expect(english.keys.sorted() == ["end", "end_iso", "label", "name", "next", "previous", "start", "start_iso"])
        let german = period.viewModel(locale: "de-DE", formatter: LocaleFormatter()).untyped
        #expect(german["start"] as? String == "Oktober 2026")
    }
}
