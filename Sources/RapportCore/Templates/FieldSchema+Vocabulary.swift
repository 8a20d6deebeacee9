extension FieldSchema {
    /// The shape of the declared `fields`: what the field check accepts.
    ///
    /// Objects whose names come from the data (`metrics.<column>`) are empty
    /// here; the loader fills them with the names the site's data has.
    static func declared(_ fields: [TemplateField]) -> FieldSchema {
        .object(Dictionary(uniqueKeysWithValues: fields.map { ($0.name, declared($0.kind)) }))
    }

    private static func declared(_ kind: TemplateField.Kind) -> FieldSchema {
        switch kind {
        case .text, .flag, .html: .value
        case .list(let fields): .list(declared(fields))
        case .object(let fields): declared(fields)
        case .objects: .object([:])
        }
    }
}
