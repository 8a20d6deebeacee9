/// A value a template can show: what rapport's view models are made of.
///
/// Built once per page from the typed domain (customer profiles, notes,
/// metrics, periods), never by reflecting over Swift types.
public enum TemplateValue: Sendable, Equatable {
    /// Nothing: a missing or empty field. Renders as nothing, is false in a section.
    case null
    /// A yes/no flag: sections show when true; `{{flag}}` prints `true` or `false`.
    case bool(Bool)
    /// Text, escaped for the template's content type when merged with `{{x}}`.
    case text(String)
    /// A number, printed without a trailing `.0` (`85`, `1.21`).
    case number(Double)
    /// A list: a section repeats once per element; empty is false.
    case list([TemplateValue])
    /// Named values: a section over an object shows once with the object on top of the context.
    case object(TemplateObject)

    /// Whether a section over this value shows (the Mustache notion of truthy).
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .text, .number, .object: true
        }
    }

    /// Whether this is nothing a reader could see: null or text of only whitespace.
    var isBlank: Bool {
        switch self {
        case .null: true
        case .text(let text): text.isBlank
        default: false
        }
    }

    /// The text of a `.text` value, nil otherwise.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The flag of a `.bool` value, nil otherwise.
    public var flag: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The elements of a `.list` value, nil otherwise.
    public var list: [TemplateValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The object of an `.object` value, nil otherwise.
    public var object: TemplateObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The value at a dotted path such as `customer.first_name`, or nil.
    public func value(atPath path: String) -> TemplateValue? {
        var current = self
        for part in path.split(separator: ".") {
            guard case .object(let object) = current, let next = object[TemplateKey(String(part))] else { return nil }
            current = next
        }
        return current
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object = TemplateObject(capacity: elements.count)
        for (name, value) in elements { object[name] = value }
        self = .object(object)
    }
}
