import Yams

/// Turns front matter YAML into a `FrontMatter`, reporting wrong types at
/// their line in the original file.
enum FrontMatterParser {
    static func parse(_ yaml: String, path: String, lineOffset: Int) throws(DiagnosticList) -> FrontMatter {
        var frontMatter = FrontMatter()
        guard let root = try YAMLSource.compose(yaml, path: path, lineOffset: lineOffset) else { return frontMatter }
        var map = YAMLMap(root, path: path, lineOffset: lineOffset, what: "front matter")
        var diagnostics: [Diagnostic] = []

        for key in ["title", "subject", "preheader"] {
            if let node = map.node(key) { frontMatter.textLocations[key] = map.location(of: node) }
        }
        frontMatter.title = map.string("title")
        frontMatter.subject = map.string("subject")
        frontMatter.preheader = map.string("preheader")
        if let node = map.node("date"), let text = map.string("date") {
            if let date = CalendarDate(iso: text) {
                frontMatter.date = date
            } else {
                diagnostics.append(.error("date must be a calendar date written YYYY-MM-DD, not \"\(text)\"", at: map.location(of: node)))
            }
        }
        if let node = map.node("layout"), let layout = map.string("layout") {
            frontMatter.layout = layout
            frontMatter.layoutLocation = map.location(of: node)
        }
        if let unsafe = map.bool("unsafe_html") { frontMatter.unsafeHTML = unsafe }
        if var period = map.map("period") {
            frontMatter.periodLocation = map.node("period").map(map.location(of:))
            frontMatter.periodStart = period.string("start")
            frontMatter.periodEnd = period.string("end")
            diagnostics += period.diagnostics + period.unknownKeyWarnings(context: "period key")
        }
        frontMatter.fallbacks = map.stringDictionary("fallbacks")
        if let node = map.node("audience") {
            let (audience, problems) = parseAudience(node, map: map)
            frontMatter.audience = audience
            diagnostics += problems
        }
        diagnostics += map.diagnostics + map.unknownKeyWarnings(context: "front matter key")
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return frontMatter
    }

    private static func parseAudience(_ node: Node, map: YAMLMap) -> (Audience, [Diagnostic]) {
        guard let mapping = node.mapping else {
            return (.everyone, [.error("audience must map fields to values, e.g. {plan: [pro, enterprise]}", at: map.location(of: node))])
        }
        var rules: [Audience.Rule] = []
        var problems: [Diagnostic] = []
        for (key, value) in mapping {
            let field = HeaderName.normalise(key.string ?? "")
            var values: [String] = []
            if let scalar = value.scalar {
                values = [scalar.string]
            } else if let sequence = value.sequence {
                for item in sequence {
                    if let scalar = item.scalar {
                        values.append(scalar.string)
                    } else {
                        problems.append(.error("audience values must be text", at: map.location(of: item)))
                    }
                }
            } else {
                problems.append(.error("audience values must be text or a list of text", at: map.location(of: value)))
            }
            rules.append(Audience.Rule(field: field, values: values, location: map.location(of: key)))
        }
        return (Audience(rules: rules), problems)
    }
}
