@testable import RapportCore

/// View models as plain Swift values (`[String: Any]`, `String`, `Bool`,
/// `Double`, `[Any]`), so tests can compare shapes with literals; the
/// build itself never converts back.
extension TemplateValue {
    var untyped: Any? {
        switch self {
        case .null: nil
        case .bool(let flag): flag
        case .text(let text): text
        case .number(let number): number
        case .list(let items): items.map { $0.untyped as Any }
        case .object(let object): object.untyped
        }
    }
}

extension TemplateObject {
    var untyped: [String: Any] {
        var result: [String: Any] = [:]
        for (key, value) in pairs { result[key.name] = value.untyped }
        return result
    }
}
