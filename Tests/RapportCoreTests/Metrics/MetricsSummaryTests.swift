import Testing

@testable import RapportCore

@Suite struct MetricsSummaryTests {
    private let q4 = ReviewPeriod(quarter: "2026-Q4")!

    private func values(_ pairs: [String: Double]) -> [YearMonth: Double] {
        Dictionary(uniqueKeysWithValues: pairs.map { (YearMonth(iso: $0.key)!, $0.value) })
    }

    private func summary(_ pairs: [String: Double], period: ReviewPeriod? = nil) -> MetricSummary {
        MetricSummary(name: "active_users", values: values(pairs), period: period ?? q4)
    }

    @Test func comparesLatestMonthsOfBothPeriods() {
        let s = summary([
            "2026-07": 1000, "2026-08": 1100, "2026-09": 1240, "2026-10": 1300, "2026-11": 1350, "2026-12": 1410,
            "2026-06": 1, "2027-01": 1,
        ])
        #expect(s.latest == 1410)
        #expect(s.latestMonth == YearMonth(year: 2026, month: 12))
        #expect(s.previous == 1240)
        #expect(s.previousMonth == YearMonth(year: 2026, month: 9))
        #expect(s.change == 170)
        #expect(s.changePercent == 170.0 / 1240.0 * 100)
        #expect(s.trend == .up)
        #expect(s.total == 4060)
        #expect(s.average == 4060.0 / 3)
        #expect(s.hasData)
        #expect(s.series.map(\.month.description) == ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"])
        #expect(s.series.map(\.inPeriod) == [false, false, false, true, true, true])
        #expect(s.label == "Active users")
    }

    @Test func gapsAreSkippedNotZero() {
        let s = summary(["2026-08": 3, "2026-10": 5])
        #expect(s.latest == 5)
        #expect(s.latestMonth == YearMonth(year: 2026, month: 10))
        #expect(s.previous == 3)
        #expect(s.previousMonth == YearMonth(year: 2026, month: 8))
        #expect(s.total == 5)
        #expect(s.average == 5)
        #expect(s.series.map(\.value) == [nil, 3, nil, 5, nil, nil])
    }

    @Test func singleMonthPeriod() {
        let s = summary(["2026-11": 4, "2026-12": 6], period: ReviewPeriod(name: "2026-12")!)
        #expect(s.series.map(\.value) == [4, 6])
        #expect(s.change == 2)
        #expect(s.changePercent == 50)
        #expect(s.trend == .up)
    }

    @Test func changesUnderOnePercentAreFlat() {
        #expect(summary(["2026-09": 1000, "2026-12": 1005]).trend == .flat)
        #expect(summary(["2026-09": 1000, "2026-12": 995]).trend == .flat)
        #expect(summary(["2026-09": 1000, "2026-12": 1010]).trend == .up)
        #expect(summary(["2026-09": 7, "2026-12": 7]).trend == .flat)
    }

    @Test func negativeValuesCompareAgainstTheMagnitude() {
        let better = summary(["2026-09": -10, "2026-12": -5])
        #expect(better.change == 5)
        #expect(better.changePercent == 50)
        #expect(better.trend == .up)
        let worse = summary(["2026-09": -10, "2026-12": -20])
        #expect(worse.changePercent == -100)
        #expect(worse.trend == .down)
    }

    @Test func emptyPreviousPeriodHasNoChange() {
        let s = summary(["2026-10": 5])
        #expect(s.previous == nil)
        #expect(s.change == nil)
        #expect(s.changePercent == nil)
        #expect(s.trend == .flat)
        #expect(s.hasData)
    }

    @Test func zeroPreviousHasAChangeButNoPercentage() {
        let s = summary(["2026-09": 0, "2026-12": 5])
        #expect(s.change == 5)
        #expect(s.changePercent == nil)
        #expect(s.trend == .up)
    }

    @Test func noDataAtAll() {
        let s = summary(["2026-09": 4])
        #expect(!s.hasData)
        #expect(s.latest == nil)
        #expect(s.total == nil)
        #expect(s.average == nil)
        #expect(s.trend == .flat)
    }

    @Test func labelsAreHumanised() {
        #expect(MetricSummary.label(forName: "active_users") == "Active users")
        #expect(MetricSummary.label(forName: "nps") == "Nps")
        #expect(MetricSummary.label(forName: "états_2") == "États 2")
    }
}
