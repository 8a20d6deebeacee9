/// A parsed JSON value with where it starts; numbers and `true`/`false` keep the text written.
struct JSONValue {
    enum Kind {
        case string(String)
        /// The number exactly as written: `1.50` stays `1.50`.
        case number(String)
        /// `true` or `false`, as written.
        case bool(String)
        case null
        case array([JSONValue])
        case object([Member])
    }

    struct Member {
        var key: String
        var keyPosition: TextPositionTracker.Position
        var value: JSONValue
    }

    var kind: Kind
    var position: TextPositionTracker.Position

    /// How messages name this kind of value: `a string`, `an object` ...
    var kindDescription: String {
        switch kind {
        case .string: "a string"
        case .number: "a number"
        case .bool(let text): text
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
