// Literals keep tests and sample data readable: `["id": "C-1", "tags": ["a", "b"]]`.

extension RecordValue: ExpressibleByStringLiteral {
    /// A `.text` value.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension RecordValue: ExpressibleByArrayLiteral {
    /// A `.list` value.
    public init(arrayLiteral elements: RecordValue...) {
        self = .list(elements)
    }
}

extension RecordValue: ExpressibleByDictionaryLiteral {
    /// An `.object` value whose keys keep the literal's order.
    public init(dictionaryLiteral elements: (String, RecordValue)...) {
        self = .object(RecordObject(elements))
    }
}

extension RecordValue: ExpressibleByNilLiteral {
    /// The `.null` value.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension RecordObject: ExpressibleByDictionaryLiteral {
    /// An object whose keys keep the literal's order.
    public init(dictionaryLiteral elements: (String, RecordValue)...) {
        self.init(elements)
    }
}
