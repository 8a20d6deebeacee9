/// Keys and values of one object, keeping the order the keys were written in.
///
/// Stored as the keys, the values in the same order and a key-to-position
/// table that records read from one CSV header share. A dictionary per
/// record cost about 1.3 KiB for 18 columns; an array of values about
/// 0.7 KiB; a CSV row's texts packed into bytes (`PackedTexts`) about
/// 0.3 KiB, which matters when a build holds 100,000 customers.
public struct RecordObject: Hashable, Sendable {
    /// Keys in source order, each appearing once.
    public private(set) var keys: [String]
    private var storage: Storage
    private var positions: KeyPositions

    /// The values: any values, or (a CSV row, never changed) texts packed.
    private enum Storage: Sendable {
        case values([RecordValue])
        case texts(PackedTexts)
    }

    /// An empty object.
    public init() {
        self.keys = []
        self.storage = .values([])
        self.positions = KeyPositions([])
    }

    /// An object from keys and their values in the same order; `positions`
    /// may be shared by every object with these keys.
    init(keys: [String], items: [RecordValue], positions: KeyPositions) {
        precondition(keys.count == items.count && positions.count == keys.count)
        self.keys = keys
        self.storage = .values(items)
        self.positions = positions
    }

    /// An object of text values, packed; `positions` may be shared by every
    /// object with these keys.
    init(keys: [String], texts: some Collection<String>, positions: KeyPositions) {
        precondition(keys.count == texts.count && positions.count == keys.count)
        self.keys = keys
        self.storage = .texts(PackedTexts(texts))
        self.positions = positions
    }

    /// Whether every value is text as read (a CSV row never changed since).
    var holdsOnlyText: Bool {
        if case .texts = storage { true } else { false }
    }

    /// Values in the order of `keys`.
    public var items: [RecordValue] {
        switch storage {
        case .values(let items): items
        case .texts(let texts): texts.texts.map(RecordValue.text)
        }
    }

    /// The value of the key at `position` in `keys`.
    private func item(at position: Int) -> RecordValue {
        switch storage {
        case .values(let items): items[position]
        case .texts(let texts): .text(texts[position])
        }
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

    /// Every key with its value, for code that wants a dictionary.
    public var values: [String: RecordValue] {
        Dictionary(uniqueKeysWithValues: zip(keys, items))
    }

    /// The value for `key`; setting `nil` removes the key, setting a new key appends it.
    public subscript(key: String) -> RecordValue? {
        get { positions[key].map(item(at:)) }
        set {
            // Taken out of `storage` first, so changing it does not copy it.
            var items = self.items
            storage = .values([])
            defer { storage = .values(items) }
            switch (positions[key], newValue) {
            case (let index?, nil):
                keys.remove(at: index)
                items.remove(at: index)
                positions = KeyPositions(keys)
            case (nil, let value?):
                if !isKnownUniquelyReferenced(&positions) { positions = positions.copy() }
                positions.append(key)
                keys.append(key)
                items.append(value)
            case (let index?, let value?):
                items[index] = value
            case (nil, nil):
                break
            }
        }
    }

    /// `keys` as template keys, interned once per key table (one per CSV header).
    var templateKeys: [TemplateKey] {
        positions.templateKeys
    }

    /// Key-value pairs in source order.
    public var pairs: [(key: String, value: RecordValue)] {
        Array(zip(keys, items))
    }

    public static func == (lhs: RecordObject, rhs: RecordObject) -> Bool {
        lhs.keys == rhs.keys && lhs.items == rhs.items
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(items)
    }
}

/// Where each key of a `RecordObject` sits. A class so records with the
/// same keys share one table; it only changes while uniquely referenced.
final class KeyPositions: @unchecked Sendable {
    // @unchecked: mutated only through `RecordObject` after a uniqueness check.
    private var table: [String: Int]
    /// The keys in position order as template keys, so building a
    /// customer's view model never interns a column name.
    private(set) var templateKeys: [TemplateKey]

    init(_ keys: [String]) {
        table = Dictionary(keys.enumerated().map { ($0.element, $0.offset) }) { first, _ in first }
        templateKeys = keys.map(TemplateKey.init)
    }

    private init(table: [String: Int], templateKeys: [TemplateKey]) {
        self.table = table
        self.templateKeys = templateKeys
    }

    var count: Int { table.count }

    subscript(key: String) -> Int? { table[key] }

    func append(_ key: String) {
        table[key] = table.count
        templateKeys.append(TemplateKey(key))
    }

    func copy() -> KeyPositions {
        KeyPositions(table: table, templateKeys: templateKeys)
    }
}
