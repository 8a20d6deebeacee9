/// Every part of every name the site's templates use: `customer` and `name`
/// for `{{customer.name}}`, `chart` for `{{{chart}}}` in any section.
///
/// A view-model value no part names cannot be shown, so values that are
/// costly to make (`MetricSummary.optionalValues`) are made only when named.
/// Parts rather than paths, because a name inside a section resolves against
/// whatever the sections around it hold.
enum TemplateNames {
    static func collect(from trees: [[MustacheNode]]) -> Set<String> {
        var names: Set<String> = []
        let scanner = MustacheScanner()
        for nodes in trees {
            for reference in scanner.references(in: nodes) {
                for part in reference.tag.name.split(separator: ".") { names.insert(String(part)) }
            }
        }
        return names
    }
}
