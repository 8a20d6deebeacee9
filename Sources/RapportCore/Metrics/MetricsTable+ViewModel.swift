/// The `metrics` and `metrics_list` values of docs/template-variables.md for one customer.
extension MetricsTable {
    /// Every metric in the table summarised for `customer` over `period`, by name and in column order.
    ///
    /// A customer with no rows still gets every metric (with `has_data` false),
    /// so a review template that names a metric works for every customer.
    func viewModel(
        customer id: String, period: ReviewPeriod, locale: String, formatter: LocaleFormatter, names: Set<String>? = nil
    ) -> (metrics: [String: Any], list: [[String: Any]]) {
        var metrics: [String: Any] = [:]
        var list: [[String: Any]] = []
        for name in metricNames {
            let summary = MetricSummary(name: name, values: series(customer: id, metric: name), period: period)
            let model = summary.viewModel(locale: locale, formatter: formatter, names: names)
            metrics[name] = model
            list.append(model)
        }
        return (metrics, list)
    }
}
