import Testing

@testable import RapportCore

@Suite struct MetricsSummaryViewModelTests {
    private let q4 = ReviewPeriod(quarter: "2026-Q4")!

    private func summary(_ pairs: [String: Double], name: String = "active_users") -> MetricSummary {
        MetricSummary(
            name: name, values: Dictionary(uniqueKeysWithValues: pairs.map { (YearMonth(iso: $0.key)!, $0.value) }),
            period: q4)
    }

    /// The model with the SVG strings taken out, checked separately.
    private func model(_ summary: MetricSummary, locale: String = "en-US") -> (values: [String: Any], chart: String, sparkline: String) {
        let formatter = LocaleFormatter()
        return (
            summary.viewModel(locale: locale, formatter: formatter).untyped, summary.chart(locale: locale, formatter: formatter),
            summary.sparkline(locale: locale, formatter: formatter)
        )
    }

    /// One customer's metrics as a review sees them, made for the names `names`.
    private func reviewMetrics(_ table: MetricsTable, customer: String, names: Set<String>? = nil) -> ReviewModels.Metrics {
        ReviewModels.metrics(
            table, customer: customer, period: q4, formatter: LocaleFormatter(), locale: "en-US", embeds: HTMLEmbeds(nonce: "n"),
            names: names)
    }

    @Test func costlyValuesAreMadeOnlyWhenATemplateNamesThem() {
        let table = MetricsTable(
            metricNames: ["active_users"],
            values: ["C-1": ["active_users": [YearMonth(year: 2026, month: 10): 1300, YearMonth(year: 2026, month: 12): 1410]]])
        func model(_ names: Set<String>?) -> [String: Any] {
            reviewMetrics(table, customer: "C-1", names: names).list[0].object!.untyped
        }
        let everything = model(nil)
        let named = model(["chart", "latest"])
        let none = model([])
        #expect(Set(everything.keys).isSuperset(of: MetricSummary.optionalValues))
        #expect(Set(everything.keys).subtracting(named.keys) == ["series", "sparkline"])
        #expect(named["chart"] as? String == everything["chart"] as? String)
        #expect(Set(everything.keys).subtracting(none.keys) == MetricSummary.optionalValues)
        // Everything else is there whatever the names.
        #expect(none["latest"] as? String == "1,410")
    }

    @Test func formatsEveryValueForTheLocale() {
        let (values, chart, sparkline) = model(summary(["2026-08": 1100.5, "2026-09": 1240, "2026-10": 1300, "2026-12": 1410]))
        #expect(values["name"] as? String == "active_users")
        #expect(values["label"] as? String == "Active users")
        #expect(values["latest"] as? String == "1,410")
        #expect(values["latest_value"] as? String == "1410")
        #expect(values["previous"] as? String == "1,240")
        #expect(values["previous_value"] as? String == "1240")
        #expect(values["change"] as? String == "+170")
        #expect(values["change_value"] as? String == "170")
        #expect(values["change_pct"] as? String == "+13.7%")
        #expect(values["trend"] as? String == "up")
        #expect(values["trend_up"] as? Bool == true)
        #expect(values["trend_down"] as? Bool == false)
        #expect(values["trend_flat"] as? Bool == false)
        #expect(values["total"] as? String == "2,710")
        #expect(values["average"] as? String == "1,355")
        #expect(values["has_data"] as? Bool == true)
        let series = values["series"] as? [[String: Any]] ?? []
        #expect(series.map { $0["month"] as? String } == ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"])
        #expect(series.map { $0["month_label"] as? String } == ["Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026", "Dec 2026"])
        #expect(series.map { $0["value"] as? String } == ["no data", "1,100.5", "1,240", "1,300", "no data", "1,410"])
        #expect(series.map { $0["has_value"] as? Bool } == [false, true, true, true, false, true])
        #expect(series.map { $0["in_period"] as? Bool } == [false, false, false, true, true, true])
        #expect(series.allSatisfy { $0.count == 5 })
        #expect(
            values.keys.sorted() == [
                "average", "change", "change_pct", "change_value", "has_change_pct", "has_data", "has_previous", "label",
                "latest", "latest_value", "name", "previous", "previous_value", "series", "total", "trend", "trend_down",
                "trend_flat", "trend_up",
            ])
        #expect(chart.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" class="rapport-chart""#))
        #expect(
            chart.contains(
                "<desc>Active users from Oct 2026 to Dec 2026: 1,300 to 1,410, up 13.7% on the previous quarter</desc>"))
        #expect(sparkline.contains("<title>Active users, Jul 2026 to Dec 2026</title>"))
    }

    @Test func germanUsesDecimalCommaAndMonthNames() {
        let (values, chart, _) = model(summary(["2026-09": 1240, "2026-12": 1070.25]), locale: "de-DE")
        #expect(values["latest"] as? String == "1.070,25")
        #expect(values["change"] as? String == "\u{2212}169,75")
        #expect(values["change_value"] as? String == "-169.75")
        #expect(values["change_pct"] as? String == "\u{2212}13,7\u{00A0}%")
        #expect(values["trend"] as? String == "down")
        #expect(
            chart.contains(
                "<desc>Active users from Okt. 2026 to Dez. 2026: 1.070,25, down 13,7\u{00A0}% on the previous quarter</desc>"))
    }

    @Test func missingValuesShowNoDataAndEmptyChanges() {
        let (values, chart, _) = model(summary([:]))
        #expect(values["latest"] as? String == "no data")
        // Values that do not exist are left out, so `{{#change_pct}}` is false and the field check names them.
        #expect(values["latest_value"] == nil)
        #expect(values["previous"] as? String == "no data")
        #expect(values["change"] == nil)
        #expect(values["change_value"] == nil)
        #expect(values["change_pct"] == nil)
        #expect(values["has_previous"] as? Bool == false)
        #expect(values["has_change_pct"] as? Bool == false)
        #expect(values["trend"] as? String == "flat")
        #expect(values["trend_flat"] as? Bool == true)
        #expect(values["total"] as? String == "no data")
        #expect(values["has_data"] as? Bool == false)
        #expect(chart.contains("<desc>Active users from Oct 2026 to Dec 2026: no data</desc>"))
    }

    @Test func zeroPreviousGivesAChangeWithoutPercentage() {
        let (values, chart, _) = model(summary(["2026-09": 0, "2026-11": 4, "2026-12": 5]))
        #expect(values["change"] as? String == "+5")
        #expect(values["change_pct"] == nil)
        #expect(values["has_change_pct"] as? Bool == false)
        #expect(chart.contains("<desc>Active users from Oct 2026 to Dec 2026: 4 to 5, up 5 on the previous quarter</desc>"))
    }

    @Test func descriptionsForEmptyPreviousAndUnchanged() {
        #expect(
            model(summary(["2026-10": 2])).chart.contains(
                "<desc>Active users from Oct 2026 to Dec 2026: 2, no data for the previous quarter</desc>"))
        #expect(
            model(summary(["2026-09": 2, "2026-10": 2])).chart.contains(
                "<desc>Active users from Oct 2026 to Dec 2026: 2, unchanged from the previous quarter</desc>"))
    }

    @Test func rawValuesDropFloatNoise() {
        #expect(MetricSummary.raw(0.3 - 0.1) == "0.2")
        #expect(MetricSummary.raw(-3) == "-3")
        #expect(MetricSummary.raw(1234.5) == "1234.5")
    }

    @Test func everyMetricIsListedInColumnOrderForACustomerWithData() {
        let table = MetricsTable(
            metricNames: ["seats", "active_users"],
            values: ["C-1": ["active_users": [YearMonth(year: 2026, month: 12): 3]]])
        let own = reviewMetrics(table, customer: "C-1")
        let (metrics, list) = (own.byName.untyped, own.list.map { $0.object!.untyped })
        #expect(metrics.keys.sorted() == ["active_users", "seats"])
        #expect(list.map { $0["name"] as? String } == ["seats", "active_users"])
        #expect(list.map { $0["has_data"] as? Bool } == [false, true])
        #expect(own.hasData)
        #expect((metrics["active_users"] as? [String: Any])?["latest"] as? String == "3")
        // A customer with no rows has no metrics: `has_metrics` is false and the review says so.
        let other = reviewMetrics(table, customer: "C-2")
        #expect(other.list.isEmpty && !other.hasData)
        #expect(table.summaries(customer: "C-2", period: q4).map(\.name) == ["seats", "active_users"])
    }
}
