/// The `period` values of docs/template-variables.md, formatted for one customer's locale.
extension ReviewPeriod {
    /// `name`, `label`, `start`, `end`, `start_iso`, `end_iso`, `previous` and `next` (each `name`, `label`).
    func viewModel(locale: String, formatter: LocaleFormatter) -> [String: Any] {
        let previous = self.previous
        let next = self.next
        return [
            "name": name,
            "label": label,
            "start": formatter.longMonth(start, locale: locale),
            "end": formatter.longMonth(end, locale: locale),
            "start_iso": start.description,
            "end_iso": end.description,
            "previous": ["name": previous.name, "label": previous.label] as [String: Any],
            "next": ["name": next.name, "label": next.label] as [String: Any],
        ]
    }
}
