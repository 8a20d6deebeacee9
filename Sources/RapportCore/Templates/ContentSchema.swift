/// Every name Markdown content may use, as the field check sees it: the
/// declared names (`TemplateVocabulary`) with `customer` widened to the
/// records' columns and `metrics` to the metric columns the data has.
enum ContentSchema {
    /// Every name a content template can use, whatever customer renders it.
    static func newsletter(for customers: [CustomerProfile]) -> FieldSchema {
        var customer = FieldSchema.declared(TemplateVocabulary.Customer.computed)
        // Rows of one CSV file have the same keys and only text, so the same
        // names: merged once, not once per customer (each merge unpacked
        // the row and built a dictionary of it, on one core while loading).
        var textOnlyKeys: [String]?
        for profile in customers {
            let fields = profile.record.fields
            if fields.holdsOnlyText, let keys = textOnlyKeys, keys == fields.keys { continue }
            customer = customer.merged(with: .of(fields))
            textOnlyKeys = fields.holdsOnlyText ? fields.keys : nil
        }
        return newsletter(customer: customer)
    }

    /// A review's names: a newsletter's plus the period and the metrics the data has.
    static func review(base: FieldSchema, metrics: MetricsTable?, metricsFailed: Bool = false) -> FieldSchema {
        typealias Content = TemplateVocabulary.Content
        guard case .object(var names) = base, case .object(let review) = FieldSchema.declared(Content.review) else { return base }
        for (name, shape) in review where names[name] == nil || name == Content.reviewDocument.name { names[name] = shape }
        let metric = FieldSchema.declared(TemplateVocabulary.Metric.fields)
        var byName: [String: FieldSchema] = [:]
        for name in metrics?.metricNames ?? [] { byName[name] = metric }
        names[Content.metrics.name] = metricsFailed ? .anything : .object(byName)
        return .object(names)
    }

    /// A newsletter's names, with `customer` as given (the records' columns, or anything).
    static func newsletter(customer: FieldSchema) -> FieldSchema {
        guard case .object(var names) = FieldSchema.declared(TemplateVocabulary.Content.newsletter) else { return .anything }
        names[TemplateVocabulary.Content.customer.name] = customer
        return .object(names)
    }

    static func resolve(_ path: String, in schema: FieldSchema) -> FieldSchema? {
        var current: FieldSchema? = schema
        for part in path.split(separator: ".") { current = current?.child(String(part)) }
        return current
    }
}
