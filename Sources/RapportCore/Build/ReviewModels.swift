import Foundation

/// The review-only parts of the view model: `period`, `metrics`,
/// `metrics_list` and `has_metrics` (docs/template-variables.md, "Reviews").
enum ReviewModels {
    static func period(_ period: ReviewPeriod, formatter: LocaleFormatter, locale: String) -> ViewModel {
        period.viewModel(locale: locale, formatter: formatter)
    }

    struct Metrics {
        var byName: ViewModel
        var list: [TemplateValue]
        var hasData: Bool
        /// "Active users fell", "Support tickets rose": metrics that got worse.
        var worsened: [String]
    }

    /// One customer's metrics over `period`. Charts go through `embeds` so
    /// they survive Markdown; of the costly values (`MetricSummary.optionalValues`)
    /// only those in `names` are made.
    static func metrics(
        _ table: MetricsTable?, customer: String, period: ReviewPeriod, formatter: LocaleFormatter, locale: String,
        embeds: HTMLEmbeds, lowerIsBetter: Set<String> = [], names: Set<String>? = nil
    ) -> Metrics {
        typealias Field = TemplateVocabulary.Metric
        guard let table, table.hasValues(for: customer) else { return Metrics(byName: ViewModel(), list: [], hasData: false, worsened: []) }
        var metrics = Metrics(byName: ViewModel(capacity: table.metricNames.count), list: [], hasData: false, worsened: [])
        metrics.list.reserveCapacity(table.metricNames.count)
        for summary in table.summaries(customer: customer, period: period) {
            var metric = summary.viewModel(locale: locale, formatter: formatter, names: names)
            if names?.contains("chart") ?? true {
                metric.append(Field.chart.key, embeds.embed(summary.chart(locale: locale, formatter: formatter), selfContained: true))
            }
            if names?.contains("sparkline") ?? true {
                metric.append(Field.sparkline.key, embeds.embed(summary.sparkline(locale: locale, formatter: formatter), selfContained: true))
            }
            if summary.hasData { metrics.hasData = true }
            let lowerBetter = lowerIsBetter.contains(summary.name)
            let trend = summary.trend
            let worsened = trend == (lowerBetter ? .up : .down)
            metric.append(Field.worsened.key, .bool(worsened))
            metric.append(Field.improved.key, .bool(trend == (lowerBetter ? .down : .up)))
            if worsened { metrics.worsened.append(lowerBetter ? "\(summary.label) rose" : "\(summary.label) fell") }
            metrics.list.append(.object(metric))
            metrics.byName[TemplateKey(summary.name)] = .object(metric)
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
