import Foundation

/// The `metrics.<name>` values of docs/template-variables.md, formatted for one customer's locale.
extension MetricSummary {
    /// What a month without data shows as.
    static let noData = "no data"

    /// The values that cost most to make, left out when no template of the
    /// site names them (`TemplateNames`): a chart is a few kilobytes of SVG.
    static let optionalValues: Set<String> = ["series", "chart", "sparkline"]

    /// The template values: `name`, `label`, `latest`, `previous`, `change`, `trend`, `series`, `chart`, ...
    /// Of `optionalValues`, only those in `names` (all when nil).
    func viewModel(locale: String, formatter: LocaleFormatter, names: Set<String>? = nil) -> [String: Any] {
        func formatted(_ value: Double?) -> String {
            value.map { formatter.number($0, locale: locale) } ?? Self.noData
        }
        let trend = self.trend
        var model: [String: Any] = [
            "name": name,
            "label": label,
            "latest": formatted(latest),
            "latest_value": latest.map(Self.raw) ?? "",
            "previous": formatted(previous),
            "previous_value": previous.map(Self.raw) ?? "",
            "change": change.map { formatter.signedNumber($0, locale: locale) } ?? "",
            "change_value": change.map(Self.raw) ?? "",
            "change_pct": changePercent.map { formatter.signedPercent($0, locale: locale) } ?? "",
            "trend": trend.rawValue,
            "trend_up": trend == .up,
            "trend_down": trend == .down,
            "trend_flat": trend == .flat,
            "total": formatted(total),
            "average": formatted(average),
            "has_data": hasData,
        ]
        func wanted(_ name: String) -> Bool { names?.contains(name) ?? true }
        if wanted("series") {
            model["series"] = series.map { point -> [String: Any] in
                [
                    "month": point.month.description,
                    "month_label": formatter.monthLabel(point.month, locale: locale),
                    "value": formatted(point.value),
                    "has_value": point.value != nil,
                    "in_period": point.inPeriod,
                ]
            }
        }
        if wanted("chart") { model["chart"] = chart(locale: locale, formatter: formatter) }
        if wanted("sparkline") { model["sparkline"] = sparkline(locale: locale, formatter: formatter) }
        return model
    }

    /// The line chart of the previous and current period as inline SVG.
    func chart(locale: String, formatter: LocaleFormatter) -> String {
        ChartRenderer.lineChart(
            title: label,
            description: chartDescription(locale: locale, formatter: formatter),
            points: series.map {
                ChartPoint(
                    label: formatter.monthLabel($0.month, locale: locale), value: $0.value, isHighlighted: $0.inPeriod)
            },
            formatValue: { formatter.number($0, locale: locale) })
    }

    /// The sparkline of the previous and current period as inline SVG.
    func sparkline(locale: String, formatter: LocaleFormatter) -> String {
        let first = formatter.monthLabel(period.previous.start, locale: locale)
        let last = formatter.monthLabel(period.end, locale: locale)
        return ChartRenderer.sparkline(title: "\(label), \(first) to \(last)", values: series.map(\.value))
    }

    /// One sentence for screen readers and print, e.g.
    /// "Active users from Oct 2026 to Dec 2026: 1,240 to 1,410, up 13.7% on the previous quarter".
    func chartDescription(locale: String, formatter: LocaleFormatter) -> String {
        let start = formatter.monthLabel(period.start, locale: locale)
        let end = formatter.monthLabel(period.end, locale: locale)
        var text = period.start == period.end ? "\(label) in \(start): " : "\(label) from \(start) to \(end): "
        let inPeriod = series.filter { $0.inPeriod && $0.value != nil }
        guard let first = inPeriod.first?.value, let latest else { return text + Self.noData }
        let latestText = formatter.number(latest, locale: locale)
        text += inPeriod.count == 1 ? latestText : "\(formatter.number(first, locale: locale)) to \(latestText)"
        let previousPeriod = "the previous \(period.unitName)"
        guard let change else { return text + ", no data for \(previousPeriod)" }
        guard change != 0 else { return text + ", unchanged from \(previousPeriod)" }
        let direction = change > 0 ? "up" : "down"
        let amount =
            changePercent.map { formatter.percent(abs($0), locale: locale) }
            ?? formatter.number(abs(change), locale: locale)
        return text + ", \(direction) \(amount) on \(previousPeriod)"
    }

    /// A plain machine-readable number: `1240`, `-3`, `0.25`, with float noise below 1e-9 removed.
    static func raw(_ value: Double) -> String {
        let cleaned = (value * 1e9).rounded() / 1e9
        if cleaned == cleaned.rounded(), abs(cleaned) < 1e15 { return String(Int64(cleaned)) }
        return String(cleaned)
    }
}
