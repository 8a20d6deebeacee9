import Yams

/// A YAML mapping read key by key, collecting diagnostics for wrong types and
/// unknown keys instead of stopping at the first.
struct YAMLMap {
    let path: String
    let lineOffset: Int
    let node: Node
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    var diagnostics: [Diagnostic] = []
    private var usedKeys: Set<String> = []

    /// Wraps `node`, which must be a mapping (an error is recorded otherwise).
    init(_ node: Node, path: String, lineOffset: Int, what: String) {
        self.node = node
        self.path = path
        self.lineOffset = lineOffset
        if let mapping = node.mapping {
            for (key, value) in mapping {
                pairs.append((key.string ?? "", key, value))
            }
        } else if !(node.scalar.map { $0.string.isEmpty || $0.string == "~" || $0.string == "null" } ?? false) {
            diagnostics.append(.error("\(what) must be a mapping of keys to values", at: location(of: node)))
        }
    }

    func location(of node: Node) -> SourceLocation {
        YAMLSource.location(of: node, path: path, lineOffset: lineOffset)
    }

    mutating func node(_ key: String) -> Node? {
        usedKeys.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    mutating func string(_ key: String) -> String? {
        guard let value = node(key) else { return nil }
        if let scalar = value.scalar {
            if scalar.style == .plain, ["~", "null", "Null", "NULL", ""].contains(scalar.string) { return nil }
            return scalar.string
        }
        diagnostics.append(.error("\"\(key)\" must be text", at: location(of: value)))
        return nil
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        switch value.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error("\"\(key)\" must be true or false", at: location(of: value)))
            return nil
        }
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar?.string, let number = Int(text), range.contains(number) else {
            diagnostics.append(
                .error(
                    "\"\(key)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                    at: location(of: value)))
            return nil
        }
        return number
    }

    mutating func map(_ key: String) -> YAMLMap? {
        guard let value = node(key) else { return nil }
        let map = YAMLMap(value, path: path, lineOffset: lineOffset, what: "\"\(key)\"")
        return map
    }

    /// A map of text to text, e.g. `fallbacks:`.
    mutating func stringDictionary(_ key: String) -> [String: String] {
        guard let value = node(key) else { return [:] }
        var nested = YAMLMap(value, path: path, lineOffset: lineOffset, what: "\"\(key)\"")
        var result: [String: String] = [:]
        for pair in nested.pairs {
            if let text = nested.string(pair.key) { result[pair.key] = text }
        }
        diagnostics += nested.diagnostics
        return result
    }

    /// Warnings for keys nobody asked for: usually a typo.
    func unknownKeyWarnings(context: String) -> [Diagnostic] {
        pairs.filter { !usedKeys.contains($0.key) }.map { pair in
            .warning("unknown \(context) \"\(pair.key)\" (ignored)", at: location(of: pair.keyNode))
        }
    }
}
