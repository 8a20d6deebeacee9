import RapportMarkdown

extension CustomerNotes {
    /// The `notes` values of docs/template-variables.md. `embeds` carries
    /// the rendered body through Markdown; `formatter` formats last_contact.
    func viewModel(embeds: HTMLEmbeds, formatter: LocaleFormatter, locale: String) -> ViewModel {
        var model: ViewModel = [
            "goals": goals.map { ["text": $0] as ViewModel },
            "wins": wins.map { ["text": $0] as ViewModel },
            "issues": issues.map { ["text": $0.text, "status": $0.isOpen ? "open" : "resolved", "open": $0.isOpen] as ViewModel },
            "commitments": commitments.map { commitment -> ViewModel in
                var entry: ViewModel = [
                    "text": commitment.text,
                    "status": commitment.status.rawValue,
                    "status_label": commitment.status.label,
                ]
                for status in Commitment.Status.allCases { entry[status.rawValue] = commitment.status == status }
                return entry
            },
            "has_goals": !goals.isEmpty,
            "has_wins": !wins.isEmpty,
            "has_issues": !issues.isEmpty,
            "has_open_issues": issues.contains { $0.isOpen },
            "has_commitments": !commitments.isEmpty,
            "missed_count": String(commitments.filter { $0.status == .missed }.count),
            "met_count": String(commitments.filter { $0.status == .met }.count),
            "has_missed": commitments.contains { $0.status == .missed },
        ]
        if let lastContact {
            model["last_contact"] = formatter.longDate(lastContact, locale: locale)
            model["last_contact_iso"] = lastContact.description
        }
        // Limits were checked when the notes were read, so rendering cannot fail here.
        if !bodyMarkdown.isBlank, let html = try? MarkdownRenderer.renderHTML(bodyMarkdown), !html.isEmpty {
            model["body"] = embeds.embed(html)
        }
        return model
    }

    /// Every name `viewModel` can produce, for the field check.
    static let schema: FieldSchema = .object([
        "goals": .list(.values(["text"])),
        "wins": .list(.values(["text"])),
        "issues": .list(.values(["text", "status", "open"])),
        "commitments": .list(.values(["text", "status", "status_label", "met", "missed", "changed", "open"])),
        "has_goals": .value, "has_wins": .value, "has_issues": .value, "has_open_issues": .value,
        "has_commitments": .value, "missed_count": .value, "met_count": .value, "has_missed": .value,
        "last_contact": .value, "last_contact_iso": .value, "body": .value,
    ])
}
