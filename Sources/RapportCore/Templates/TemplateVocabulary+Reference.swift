/// docs/template-variables.md, written from `TemplateVocabulary`: the
/// reference cannot drift from the names the field check accepts, because a
/// test compares the file with this text (`RECORD_DOCS=1 swift test
/// --filter TemplateVocabularyDocsTests` rewrites it).
extension TemplateVocabulary {
    /// One table of the reference.
    struct Section {
        var heading: String
        var intro: String
        /// Written before each name (`customer.`), or "" for top-level names.
        var prefix: String
        var fields: [TemplateField]
    }

    static let referenceSections: [Section] = [
        Section(
            heading: "## customer",
            intro: "Every CSV/JSON/YAML column (`customer.region`: the header normalised to snake_case, the text exactly as written), plus:",
            prefix: "customer.", fields: Customer.fields),
        Section(heading: "## sender", intro: "The customer's account manager.", prefix: "sender.", fields: Sender.fields),
        Section(heading: "## document", intro: "The newsletter or review being rendered.", prefix: "document.", fields: Document.reviewFields),
        Section(heading: "## site", intro: "From rapport.yml.", prefix: "site.", fields: Site.fields),
        Section(
            heading: "## notes", intro: "From `Content/notes/<customer id>.md`; newsletters and reviews both see them.", prefix: "notes.",
            fields: Notes.fields),
        Section(
            heading: "# Reviews (Content/reviews/<period>.md)",
            intro: "A review sees everything a newsletter sees, plus these top-level names:", prefix: "",
            fields: [Content.period, Content.metrics, Content.metricsList, Content.hasMetrics]),
        Section(heading: "## period", intro: "The months a review looks back on.", prefix: "period.", fields: Period.fields),
        Section(
            heading: "## metrics",
            intro: """
                `metrics.<name>` for every metric column (names normalised like headers), and `metrics_list`, the same \
                objects in column order. Values that do not exist (no previous quarter, so no change) are left out, so a \
                section over them is false and an unguarded `{{x}}` is reported for that customer.
                """,
            prefix: "metrics.<name>.", fields: Metric.fields),
        Section(heading: "# Layouts", intro: "Every page's layout sees these.", prefix: "", fields: Common.fields),
        Section(
            heading: "## newsletter, review and print",
            intro: "The layouts of a customer's pages see everything Markdown content sees, plus:", prefix: "",
            fields: DocumentPage.fields),
        Section(heading: "## customer (the hub)", intro: "Also `customer`, `sender`, `site` and `notes`.", prefix: "", fields: Hub.fields),
        Section(
            heading: "## email (rapport outbox)",
            intro: "The HTML part of a customer's message sees everything Markdown content sees, plus:", prefix: "",
            fields: EmailPage.fields),
    ]

    /// The whole reference as Markdown.
    static var reference: String {
        var text = """
            # Template variables

            <!-- Written from Sources/RapportCore/Templates/TemplateVocabulary*.swift; a test fails when they differ. -->

            Markdown content (`Content/newsletters/*.md`, `Content/reviews/*.md`, `Content/partials/*.md`) and layouts
            (`Layouts/*.mustache`) are Mustache templates. They see the names below and no others: a name no customer
            can have is an error at its tag, with a "did you mean" hint, before anything renders. Every value is text,
            a yes/no flag, trusted HTML rapport made, a list or an object.

            In Markdown content, `{{x}}` merges the value *literally*: a customer called `*Acme* <b>` shows exactly
            those characters. In layouts `{{x}}` is HTML-escaped and `{{{content}}}` inserts the rendered page body.
            A value a customer lacks is an error for that customer unless a `fallbacks:` entry fills it.

            """
        for section in referenceSections {
            text += "\n\(section.heading)\n\n\(section.intro)\n\n| name | example | meaning |\n|---|---|---|\n"
            for field in section.fields { text += row(field, prefix: section.prefix) }
        }
        text += "\n" + sitePagesReference
        return text
    }

    static func row(_ field: TemplateField, prefix: String) -> String {
        let example: String
        let meaning: String
        switch field.kind {
        case .text: (example, meaning) = (code(field.example), field.meaning)
        case .flag: (example, meaning) = ("yes/no", field.meaning)
        case .html: (example, meaning) = ("HTML", field.meaning)
        case .list(let fields): (example, meaning) = ("list", join(field.meaning, "each with " + names(fields)))
        case .object(let fields): (example, meaning) = ("object", join(field.meaning, "with " + names(fields)))
        case .objects(let fields): (example, meaning) = ("objects", join(field.meaning, "each with " + names(fields)))
        }
        return "| `\(prefix)\(field.name)` | \(example) | \(meaning) |\n"
    }

    private static func code(_ example: String) -> String {
        example.isEmpty ? "" : example.components(separatedBy: " / ").map { "`\($0)`" }.joined(separator: " / ")
    }

    private static func names(_ fields: [TemplateField]) -> String {
        fields.map { "`\($0.name)`" }.joined(separator: ", ")
    }

    private static func join(_ meaning: String, _ more: String) -> String {
        meaning.isEmpty ? more : meaning + "; " + more
    }
}
