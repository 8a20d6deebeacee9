/// One customer as loaded from the records file, before any field is typed.
public struct CustomerRecord: Hashable, Sendable {
    /// The trimmed, non-empty, unique id.
    public var id: String
    /// Normalised top-level keys to values, the id field included (trimmed).
    public var fields: RecordObject
    /// Where the record starts: a CSV row's first line, or a JSON/YAML object's opening.
    public var location: SourceLocation
    /// Where each top-level field's value starts, so typed-field errors can point at it.
    public var fieldLocations: [String: SourceLocation]

    /// A record from already-checked parts.
    public init(
        id: String,
        fields: RecordObject,
        location: SourceLocation,
        fieldLocations: [String: SourceLocation]
    ) {
        self.id = id
        self.fields = fields
        self.location = location
        self.fieldLocations = fieldLocations
    }
}
