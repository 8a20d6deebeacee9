/// One name a template may use, with what it holds and what it means.
///
/// Declared once in `TemplateVocabulary`: the field check, its
/// "did you mean" hints, the view-model builders (through `key`) and
/// docs/template-variables.md all come from these declarations.
struct TemplateField: Sendable {
    /// What a name holds.
    indirect enum Kind: Sendable {
        /// Text, merged escaped (`{{x}}`).
        case text
        /// A yes/no flag, for `{{#x}}...{{/x}}` and `{{^x}}...{{/x}}`.
        case flag
        /// Trusted HTML rapport made (a chart, rendered notes): `{{{x}}}` or `{{x}}` both embed it.
        case html
        /// A list of objects with these fields, for `{{#x}}...{{/x}}`.
        case list([TemplateField])
        /// An object with these fields.
        case object([TemplateField])
        /// One object per name found in the data (metric columns), each with these fields.
        case objects([TemplateField])
    }

    let name: String
    let key: TemplateKey
    let kind: Kind
    /// A value as the docs show it, e.g. `Acme Analytics`; may be empty.
    let example: String
    /// What it means, for the docs.
    let meaning: String

    init(_ name: String, _ kind: Kind = .text, example: String = "", _ meaning: String = "") {
        self.name = name
        self.key = TemplateKey(name)
        self.kind = kind
        self.example = example
        self.meaning = meaning
    }
}
