/// The bridge from swift-mustache's `[String: Any]` view models, while both
/// engines render side by side for the differential proof.
extension TemplateValue {
    init(viewModel value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .number(Double(number))
        case let embedded as EmbeddedHTML: self = .text(embedded.token)
        case let rows as DashboardRowModels: self = .list(rows.rows.map { TemplateValue(viewModel: $0.model) })
        case let list as [Any]: self = .list(list.map(TemplateValue.init(viewModel:)))
        case let model as [String: Any]:
            var object = TemplateObject(capacity: model.count)
            for (key, item) in model.sorted(by: { $0.key < $1.key }) { object[key] = TemplateValue(viewModel: item) }
            self = .object(object)
        default: self = .text(String(describing: value))
        }
    }
}
