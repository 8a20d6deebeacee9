/// The values a template sees: nested dictionaries of text, flags and lists.
///
/// Kept as plain `[String: Any]` because that is what swift-mustache walks
/// without reflection; building it in one place (`ViewModelBuilder`) keeps
/// the set of names explicit and documented in docs/template-variables.md.
public typealias ViewModel = [String: Any]

extension Dictionary where Key == String, Value == Any {
    /// The value at a dotted path such as `customer.first_name`.
    func value(atPath path: String) -> Any? {
        var current: Any? = self
        for part in path.split(separator: ".") {
            guard let dictionary = current as? [String: Any] else { return nil }
            current = dictionary[String(part)]
        }
        return current
    }

    /// Sets the value at a dotted path whose parents exist.
    mutating func setValue(_ value: Any, atPath path: String) {
        let parts = path.split(separator: ".").map(String.init)
        guard let first = parts.first else { return }
        if parts.count == 1 {
            self[first] = value
            return
        }
        var child = self[first] as? [String: Any] ?? [:]
        child.setValue(value, atPath: parts.dropFirst().joined(separator: "."))
        self[first] = child
    }
}
