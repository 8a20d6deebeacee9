import Foundation

/// The review-only parts of the view model: `period`, `metrics`,
/// `metrics_list` and `has_metrics` (docs/template-variables.md, "Reviews").
enum ReviewModels {
    /// Every name a metric object has, for the field check.
    static let metricSchema: FieldSchema = .values([
        "name", "label", "latest", "latest_value", "previous", "previous_value", "change", "change_value", "change_pct",
        "trend", "trend_up", "trend_down", "trend_flat", "total", "average", "has_data", "has_previous", "has_change_pct",
        "chart", "sparkline", "improved", "worsened",
    ]).merged(with: .object(["series": .list(.values(["month", "month_label", "value", "has_value", "in_period"]))]))

    static func period(_ period: ReviewPeriod, formatter: LocaleFormatter, locale: String) -> ViewModel {
        period.viewModel(locale: locale, formatter: formatter)
    }

    struct Metrics {
        var byName: ViewModel
        var list: [ViewModel]
        var hasData: Bool
        /// "Active users fell", "Support tickets rose": metrics that got worse.
        var worsened: [String]
    }

    /// One customer's metrics over `period`. Values that do not exist (no
    /// previous quarter, so no change) are left out rather than set to "",
    /// so `{{#change_pct}}` is false for them and the field check names them;
    /// charts go through `embeds` so they survive Markdown.
    static func metrics(
        _ table: MetricsTable?, customer: String, period: ReviewPeriod, formatter: LocaleFormatter, locale: String,
        embeds: HTMLEmbeds, lowerIsBetter: Set<String> = [], names: Set<String>? = nil
    ) -> Metrics {
        guard let table, table.hasValues(for: customer) else { return Metrics(byName: [:], list: [], hasData: false, worsened: []) }
        let (_, list) = table.viewModel(customer: customer, period: period, locale: locale, formatter: formatter, names: names)
        var metrics = Metrics(byName: [:], list: [], hasData: false, worsened: [])
        for model in list {
            var metric = model.filter { !(($0.value as? String)?.isEmpty ?? false) }
            metric["has_previous"] = metric["previous_value"] != nil
            metric["has_change_pct"] = metric["change_pct"] != nil
            if let chart = metric["chart"] as? String { metric["chart"] = embeds.embed(chart, selfContained: true) }
            if let sparkline = metric["sparkline"] as? String { metric["sparkline"] = embeds.embed(sparkline, selfContained: true) }
            if metric["has_data"] as? Bool == true { metrics.hasData = true }
            let lowerBetter = (metric["name"] as? String).map(lowerIsBetter.contains) ?? false
            let worsened = metric[lowerBetter ? "trend_up" : "trend_down"] as? Bool == true
            metric["worsened"] = worsened
            metric["improved"] = metric[lowerBetter ? "trend_down" : "trend_up"] as? Bool == true
            if worsened, let label = metric["label"] as? String {
                metrics.worsened.append(lowerBetter ? "\(label) rose" : "\(label) fell")
            }
            metrics.list.append(metric)
            if let name = metric["name"] as? String { metrics.byName[name] = metric }
        }
        return metrics
    }

    /// Reads the metrics file; problems join `diagnostics` (errors stop the build).
    static func loadMetrics(
        url: URL, path: String, config: SiteConfig, knownIDs: Set<String>, diagnostics: inout [Diagnostic]
    ) -> MetricsTable? {
        let result = MetricsLoader(delimiter: config.records.delimiter)
            .load(contentsOf: url, displayPath: path, knownCustomers: knownIDs)
        diagnostics += result.diagnostics
        return result.hasErrors ? nil : result.table
    }
}
