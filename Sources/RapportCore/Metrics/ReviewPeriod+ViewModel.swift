/// The `period` values of docs/template-variables.md, formatted for one customer's locale.
extension ReviewPeriod {
    /// `name`, `label`, `start`, `end`, `start_iso`, `end_iso`, `previous` and `next` (each `name`, `label`).
    func viewModel(locale: String, formatter: LocaleFormatter) -> ViewModel {
        typealias Field = TemplateVocabulary.Period
        func reference(_ period: ReviewPeriod) -> TemplateValue {
            var model = ViewModel(capacity: 2)
            model.append(Field.name.key, .text(period.name))
            model.append(Field.label.key, .text(period.label))
            return .object(model)
        }
        var model = ViewModel(capacity: Field.fields.count)
        model.append(Field.name.key, .text(name))
        model.append(Field.label.key, .text(label))
        model.append(Field.start.key, .text(formatter.longMonth(start, locale: locale)))
        model.append(Field.end.key, .text(formatter.longMonth(end, locale: locale)))
        model.append(Field.startISO.key, .text(start.description))
        model.append(Field.endISO.key, .text(end.description))
        model.append(Field.previous.key, reference(previous))
        model.append(Field.next.key, reference(next))
        return model
    }
}
