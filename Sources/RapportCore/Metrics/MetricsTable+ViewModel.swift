/// The `metrics` and `metrics_list` values of docs/template-variables.md for one customer.
extension MetricsTable {
    /// Every metric in the table summarised for `customer` over `period`, in column order.
    ///
    /// A customer with no rows still gets every metric (with `has_data` false),
    /// so a review template that names a metric works for every customer.
    func summaries(customer id: String, period: ReviewPeriod) -> [MetricSummary] {
        zip(metricNames, allSeries(customer: id)).map { MetricSummary(name: $0, values: $1, period: period) }
    }
}
