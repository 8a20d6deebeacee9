/// One customer as loaded from the records file, before any field is typed.
public struct CustomerRecord: Hashable, Sendable {
    /// The trimmed, non-empty, unique id.
    public var id: String
    /// Normalised top-level keys to values, the id field included (trimmed).
    public var fields: RecordObject
    /// Where the record starts: a CSV row's first line, or a JSON/YAML object's opening.
    public var location: SourceLocation
    /// Where each field's value starts, kept compactly (see `FieldPositions`).
    var fieldPositions: FieldPositions

    /// Where each top-level field's value starts, so typed-field errors can point at it.
    public var fieldLocations: [String: SourceLocation] {
        get { fieldPositions.dictionary }
        set { fieldPositions = FieldPositions(path: location.path, newValue) }
    }

    /// A record from already-checked parts.
    public init(
        id: String,
        fields: RecordObject,
        location: SourceLocation,
        fieldLocations: [String: SourceLocation]
    ) {
        self.init(id: id, fields: fields, location: location, fieldPositions: FieldPositions(path: location.path, fieldLocations))
    }

    init(id: String, fields: RecordObject, location: SourceLocation, fieldPositions: FieldPositions) {
        self.id = id
        self.fields = fields
        self.location = location
        self.fieldPositions = fieldPositions
    }

    /// Where `field`'s value starts, when known.
    public func fieldLocation(_ field: String) -> SourceLocation? {
        fieldPositions[field]
    }
}
