/// Named values of a `TemplateValue.object`, by interned key.
///
/// Two parallel arrays searched from the front: view-model objects hold a
/// few dozen keys at most, where comparing integers in a row beats hashing.
public struct TemplateObject: Sendable, Equatable {
    private(set) var keys: [TemplateKey]
    private(set) var values: [TemplateValue]

    /// An empty object with room for `capacity` keys.
    public init(capacity: Int = 0) {
        keys = []
        values = []
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Number of keys.
    public var count: Int { keys.count }

    /// The value for `key`; setting nil removes it, setting a new key appends it.
    public subscript(key: TemplateKey) -> TemplateValue? {
        get {
            // A plain loop over the ids: this runs for every tag of every page.
            keys.withUnsafeBufferPointer { buffer in
                for index in buffer.indices where buffer[index].id == key.id { return values[index] }
                return nil
            }
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// The value for `name`, interning it; for code outside the render path.
    public subscript(name: String) -> TemplateValue? {
        get { self[TemplateKey(name)] }
        set { self[TemplateKey(name)] = newValue }
    }

    /// Adds a key the caller knows is not there yet, without searching for it.
    mutating func append(_ key: TemplateKey, _ value: TemplateValue) {
        keys.append(key)
        values.append(value)
    }

    /// Key-value pairs in the order they were set.
    public var pairs: [(key: TemplateKey, value: TemplateValue)] {
        Array(zip(keys, values))
    }

    /// The value at a dotted path of objects, or nil.
    public func value(atPath path: String) -> TemplateValue? {
        TemplateValue.object(self).value(atPath: path)
    }

    /// Sets the value at a dotted path whose parent objects exist (or are made).
    public mutating func setValue(_ value: TemplateValue, atPath path: String) {
        let parts = path.split(separator: ".")
        guard let first = parts.first.map({ TemplateKey(String($0)) }) else { return }
        guard parts.count > 1 else {
            self[first] = value
            return
        }
        var child = self[first]?.object ?? TemplateObject()
        child.setValue(value, atPath: parts.dropFirst().joined(separator: "."))
        self[first] = .object(child)
    }

    /// The value at a path of keys, or nil.
    func value(at path: [TemplateKey]) -> TemplateValue? {
        var current: TemplateValue = .object(self)
        for key in path {
            guard case .object(let object) = current, let next = object[key] else { return nil }
            current = next
        }
        return current
    }

    /// Sets the value at a path of keys, making the objects on the way.
    mutating func setValue(_ value: TemplateValue, at path: ArraySlice<TemplateKey>) {
        guard let first = path.first else { return }
        guard path.count > 1 else {
            self[first] = value
            return
        }
        var child = self[first]?.object ?? TemplateObject()
        child.setValue(value, at: path.dropFirst())
        self[first] = .object(child)
    }

    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return zip(lhs.keys, lhs.values).allSatisfy { key, value in rhs[key] == value }
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    /// An object from literal names, for code outside the render path.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(capacity: elements.count)
        for (name, value) in elements { self[TemplateKey(name)] = value }
    }
}
