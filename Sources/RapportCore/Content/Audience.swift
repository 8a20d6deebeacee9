/// Which customers a document is for, from front matter such as
/// `audience: {plan: [pro, enterprise], region: EU}`.
///
/// Every listed field must match (AND); within a field any listed value may
/// match (OR). Comparison ignores case and surrounding spaces.
public struct Audience: Sendable, Hashable, CustomStringConvertible {
    public struct Rule: Sendable, Hashable {
        public var field: String
        public var values: [String]
        public var location: SourceLocation?
    }

    public var rules: [Rule]

    public static let everyone = Audience(rules: [])

    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// Whether a customer whose top-level fields are `fields` belongs.
    public func includes(_ fields: RecordObject) -> Bool {
        rules.allSatisfy { rule in
            guard case .text(let value)? = fields[rule.field] else { return false }
            let normalised = value.trimmed.lowercased()
            return rule.values.contains { $0.trimmed.lowercased() == normalised }
        }
    }

    /// "everyone" or "plan is pro or enterprise; region is EU".
    public var description: String {
        guard !rules.isEmpty else { return "everyone" }
        return rules.map { "\($0.field) is \($0.values.joined(separator: " or "))" }.joined(separator: "; ")
    }
}
