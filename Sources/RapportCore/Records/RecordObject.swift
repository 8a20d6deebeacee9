/// Keys and values of one object, keeping the order the keys were written in.
///
/// `keys` and `values` are public so callers can read them directly; use
/// `subscript` or `append` to keep the two in step.
public struct RecordObject: Hashable, Sendable {
    /// Keys in source order, each appearing once.
    public var keys: [String]
    public var values: [String: RecordValue]

    /// An empty object.
    public init() {
        self.keys = []
        self.values = [:]
    }

    /// An object from keys and values that must agree (every key has a value).
    public init(keys: [String], values: [String: RecordValue]) {
        self.keys = keys
        self.values = values
    }

    /// An object from pairs in order; a repeated key keeps its first position and last value.
    public init(_ pairs: some Sequence<(String, RecordValue)>) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// Number of keys.
    public var count: Int { keys.count }

    /// `true` when the object has no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value for `key`; setting `nil` removes the key, setting a new key appends it.
    public subscript(key: String) -> RecordValue? {
        get { values[key] }
        set {
            switch (values[key] != nil, newValue) {
            case (true, nil):
                values[key] = nil
                keys.removeAll { $0 == key }
            case (false, let value?):
                keys.append(key)
                values[key] = value
            case (true, let value?):
                values[key] = value
            case (false, nil):
                break
            }
        }
    }

    /// Key-value pairs in source order.
    public var pairs: [(key: String, value: RecordValue)] {
        keys.compactMap { key in values[key].map { (key, $0) } }
    }
}
