import RapportMarkdown

extension CustomerNotes {
    private typealias Field = TemplateVocabulary.Notes

    /// A commitment's flags, one per status, named as the vocabulary declares them.
    private static let statusKeys: [(Commitment.Status, TemplateKey)] = [
        (.met, Field.met.key), (.missed, Field.missed.key), (.changed, Field.changed.key), (.open, Field.open.key),
    ]

    /// The `notes` values of docs/template-variables.md. `embeds` carries
    /// the rendered body through Markdown; `formatter` formats last_contact.
    func viewModel(embeds: HTMLEmbeds, formatter: LocaleFormatter, locale: String) -> ViewModel {
        func item(_ text: String) -> TemplateValue {
            var entry = ViewModel(capacity: 1)
            entry.append(Field.text.key, .text(text))
            return .object(entry)
        }
        var model = ViewModel(capacity: Field.fields.count)
        model.append(Field.goals.key, .list(goals.map(item)))
        model.append(Field.wins.key, .list(wins.map(item)))
        model.append(
            Field.issues.key,
            .list(
                issues.map { issue in
                    var entry = ViewModel(capacity: 3)
                    entry.append(Field.text.key, .text(issue.text))
                    entry.append(Field.status.key, .text(issue.isOpen ? "open" : "resolved"))
                    entry.append(Field.open.key, .bool(issue.isOpen))
                    return .object(entry)
                }))
        model.append(
            Field.commitments.key,
            .list(
                commitments.map { commitment in
                    var entry = ViewModel(capacity: 3 + Commitment.Status.allCases.count)
                    entry.append(Field.text.key, .text(commitment.text))
                    entry.append(Field.status.key, .text(commitment.status.rawValue))
                    entry.append(Field.statusLabel.key, .text(commitment.status.label))
                    for (status, key) in Self.statusKeys { entry.append(key, .bool(commitment.status == status)) }
                    return .object(entry)
                }))
        model.append(Field.hasGoals.key, .bool(!goals.isEmpty))
        model.append(Field.hasWins.key, .bool(!wins.isEmpty))
        model.append(Field.hasIssues.key, .bool(!issues.isEmpty))
        model.append(Field.hasOpenIssues.key, .bool(issues.contains { $0.isOpen }))
        model.append(Field.hasCommitments.key, .bool(!commitments.isEmpty))
        model.append(Field.missedCount.key, .text(String(commitments.filter { $0.status == .missed }.count)))
        model.append(Field.metCount.key, .text(String(commitments.filter { $0.status == .met }.count)))
        model.append(Field.hasMissed.key, .bool(commitments.contains { $0.status == .missed }))
        if let lastContact {
            model.append(Field.lastContact.key, .text(formatter.longDate(lastContact, locale: locale)))
            model.append(Field.lastContactISO.key, .text(lastContact.description))
        }
        // Limits were checked when the notes were read, so rendering cannot fail here.
        if !bodyMarkdown.isBlank, let html = try? MarkdownRenderer.renderHTML(bodyMarkdown), !html.isEmpty {
            model.append(Field.body.key, embeds.embed(html, markdown: bodyMarkdown))
        }
        return model
    }
}
