import Foundation

/// The review-only parts of the view model: `period`, `metrics` and
/// `metrics_list` (docs/template-variables.md, "Reviews").
enum ReviewModels {
    /// Every name a metric object has, for the field check.
    static let metricSchema: FieldSchema = .values([
        "name", "label", "latest", "latest_value", "previous", "previous_value", "change", "change_value", "change_pct",
        "trend", "trend_up", "trend_down", "trend_flat", "total", "average", "has_data", "chart", "sparkline",
    ]).merged(with: .object(["series": .list(.values(["month", "month_label", "value", "has_value", "in_period"]))]))

    static func period(_ period: ReviewPeriod, formatter: LocaleFormatter, locale: String) -> ViewModel {
        [
            "name": period.name,
            "label": period.label,
            "start": period.start.description,
            "end": period.end.description,
            "start_iso": period.start.description,
            "end_iso": period.end.description,
            "previous": ["name": period.previous.name, "label": period.previous.label] as ViewModel,
            "next": ["name": period.next.name, "label": period.next.label] as ViewModel,
        ]
    }

    struct Metrics {
        var byName: ViewModel
        var list: [ViewModel]
        /// Labels of metrics that went down in the period.
        var falling: [String]
    }

    static func metrics(
        _ table: MetricsTable?, customer: String, period: ReviewPeriod, formatter: LocaleFormatter, locale: String,
        embeds: HTMLEmbeds
    ) -> Metrics {
        Metrics(byName: [:], list: [], falling: [])
    }

    static func loadMetrics(
        url: URL, path: String, config: SiteConfig, customers: [CustomerProfile], diagnostics: inout [Diagnostic]
    ) -> MetricsTable? {
        nil
    }
}

extension MetricsTable {
    /// A hash of one customer's metric values, for the manifest.
    func fingerprint(for customer: String) -> String {
        var text = ""
        for metric in metricNames {
            let series = self.series(customer: customer, metric: metric)
            text += metric + ":" + series.keys.sorted().map { "\($0)=\(series[$0]!)" }.joined(separator: ",") + ";"
        }
        return InputHasher.hash(text)
    }
}
