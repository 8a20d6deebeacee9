import Foundation

/// The `metrics.<name>` values of docs/template-variables.md, formatted for one customer's locale.
extension MetricSummary {
    /// What a month without data shows as.
    static let noData = "no data"

    /// The values that cost most to make, left out when no template of the
    /// site names them (`TemplateNames`): a chart is a few kilobytes of SVG.
    static let optionalValues: Set<String> = ["series", "chart", "sparkline"]

    /// The template values: `name`, `label`, `latest`, `previous`, `change`, `trend`, `series`, `chart`, ...
    /// Of `optionalValues`, only those in `names` (all when nil). Values
    /// that do not exist (no previous quarter, so no change) are left out.
    func viewModel(locale: String, formatter: LocaleFormatter, names: Set<String>? = nil) -> ViewModel {
        typealias Field = TemplateVocabulary.Metric
        func formatted(_ value: Double?) -> TemplateValue {
            .text(value.map { formatter.number($0, locale: locale) } ?? Self.noData)
        }
        func present(_ text: String?) -> TemplateValue? {
            guard let text, !text.isEmpty else { return nil }
            return .text(text)
        }
        let trend = self.trend
        var model = ViewModel(capacity: Field.fields.count)
        model.append(Field.name.key, .text(name))
        model.append(Field.label.key, .text(label))
        model.append(Field.latest.key, formatted(latest))
        model[Field.latestValue.key] = present(latest.map(Self.raw))
        model.append(Field.previous.key, formatted(previous))
        model[Field.previousValue.key] = present(previous.map(Self.raw))
        model[Field.change.key] = present(change.map { formatter.signedNumber($0, locale: locale) })
        model[Field.changeValue.key] = present(change.map(Self.raw))
        model[Field.changePercent.key] = present(changePercent.map { formatter.signedPercent($0, locale: locale) })
        model.append(Field.trend.key, .text(trend.rawValue))
        model.append(Field.trendUp.key, .bool(trend == .up))
        model.append(Field.trendDown.key, .bool(trend == .down))
        model.append(Field.trendFlat.key, .bool(trend == .flat))
        model.append(Field.total.key, formatted(total))
        model.append(Field.average.key, formatted(average))
        model.append(Field.hasData.key, .bool(hasData))
        model.append(Field.hasPrevious.key, .bool(previous != nil))
        model.append(Field.hasChangePercent.key, .bool(changePercent != nil))
        func wanted(_ name: String) -> Bool { names?.contains(name) ?? true }
        if wanted("series") {
            model.append(
                Field.series.key,
                .list(
                    series.map { point in
                        var entry = ViewModel(capacity: 5)
                        entry.append(Field.month.key, .text(point.month.description))
                        entry.append(Field.monthLabel.key, .text(formatter.monthLabel(point.month, locale: locale)))
                        entry.append(Field.value.key, formatted(point.value))
                        entry.append(Field.hasValue.key, .bool(point.value != nil))
                        entry.append(Field.inPeriod.key, .bool(point.inPeriod))
                        return .object(entry)
                    }))
        }
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
