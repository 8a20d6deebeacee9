/// The shape of every value a template could see: which names exist,
/// whatever customer is rendered. Used to tell "no record has this field"
/// (an error at the tag) from "this customer's field is empty".
indirect enum FieldSchema: Sendable, Hashable {
    case value
    case object([String: FieldSchema])
    case list(FieldSchema)
    /// Anything resolves (inside a section over an unknown name, so one
    /// mistake is reported once, not for every tag within).
    case anything

    /// The union of two shapes.
    func merged(with other: FieldSchema) -> FieldSchema {
        switch (self, other) {
        case (.anything, _), (_, .anything): return .anything
        case (.object(let left), .object(let right)):
            return .object(left.merging(right) { $0.merged(with: $1) })
        case (.list(let left), .list(let right)): return .list(left.merged(with: right))
        case (.value, let other), (let other, .value): return other
        case (.object, .list(let element)):
            return .list(element.merged(with: self))
        case (.list(let element), .object):
            return .list(element.merged(with: other))
        }
    }

    func child(_ name: String) -> FieldSchema? {
        switch self {
        case .object(let children): return children[name]
        case .anything: return .anything
        case .list(let element): return element.child(name)
        case .value: return nil
        }
    }

    /// Names one level down, for "did you mean" hints.
    var childNames: [String] {
        if case .object(let children) = self { return children.keys.sorted() }
        return []
    }

    /// The shape of record values.
    static func of(_ value: RecordValue) -> FieldSchema {
        switch value {
        case .text, .null: return .value
        case .list(let items): return .list(items.map(of).reduce(.value) { $0.merged(with: $1) })
        case .object(let object): return of(object)
        }
    }

    static func of(_ object: RecordObject) -> FieldSchema {
        .object(object.values.mapValues(of))
    }

    /// An object whose listed names are plain values.
    static func values(_ names: [String]) -> FieldSchema {
        .object(Dictionary(uniqueKeysWithValues: names.map { ($0, FieldSchema.value) }))
    }
}
