import Yams

/// Converts Yams nodes to record values within a budget, so aliases cannot blow up memory.
///
/// Yams shares one node for every use of an anchor, so a "billion laughs"
/// document is small as nodes but would expand to billions of values here.
/// Counting every value produced (and limiting depth) stops that early.
struct YAMLConverter {
    struct LimitError: Error {
        var message: String
    }

    /// Most values one file may expand to, over all records.
    let maximumValues: Int
    /// Deepest nesting allowed; the list of records is level 1, each record map level 2.
    let maximumDepth: Int
    private(set) var valueCount = 0

    init(maximumValues: Int = 1_000_000, maximumDepth: Int = 64) {
        self.maximumValues = maximumValues
        self.maximumDepth = maximumDepth
    }

    /// The record value of `node`, with scalars kept as written and plain `~`/`null`/empty as `.null`.
    mutating func convert(_ node: Node, depth: Int) throws(LimitError) -> RecordValue {
        valueCount += 1
        guard valueCount <= maximumValues else {
            throw LimitError(message: "YAML expands to more than \(maximumValues) values (aliases?)")
        }
        guard depth <= maximumDepth else {
            throw LimitError(message: "YAML nested deeper than \(maximumDepth) levels")
        }
        switch node {
        case .scalar(let scalar):
            return Self.isNull(scalar) ? .null : .text(scalar.string)
        case .sequence(let sequence):
            var values: [RecordValue] = []
            values.reserveCapacity(sequence.count)
            for element in sequence { values.append(try convert(element, depth: depth + 1)) }
            return .list(values)
        case .mapping(let mapping):
            var object = RecordObject()
            for (key, value) in mapping {
                // Nested keys are kept as written; a non-text key is written out as YAML would show it.
                let name = key.scalar?.string ?? Self.describe(key)
                object[name] = try convert(value, depth: depth + 1)
            }
            return .object(object)
        case .alias(let alias):
            // compose resolves aliases itself; this only guards against a future change in Yams.
            return .text("*\(alias.anchor.rawValue)")
        }
    }

    /// How messages name a node's kind: `a map`, `a list`, `text "abc"`.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "text \"\(scalar.string)\""
        case .mapping: "a map"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    // MARK: - Helpers

    /// YAML 1.2 core schema nulls, only when unquoted: `"null"` in quotes is text.
    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}
