/// Checks the `{{names}}` of a scanned template against every name a
/// customer could have (`FieldSchema`, from `TemplateVocabulary` and the
/// records' columns) before anything is rendered.
///
/// Mustache renders an unknown name as "" without complaint; a customer
/// who gets "Dear ," is exactly what rapport exists to prevent. Names empty
/// for one customer are found by the render itself (`TemplateRenderer.Findings`).
struct FieldChecker {
    /// Templates that `{{> name}}` can include, scanned.
    var partials: [String: TemplateLibrary.Entry]
    /// How deep partials may include partials (a cycle would never end).
    var maxPartialDepth = 20

    // MARK: - Names no customer can have

    /// Errors for variables that resolve for nobody and warnings for such
    /// sections, at their tags, walking every section and partial.
    func unknownNames(in nodes: [MustacheNode], path: String, schema: FieldSchema) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        walkSchema(nodes, path: path, stack: [schema], depth: 0, problems: &problems)
        return problems
    }

    private func walkSchema(
        _ nodes: [MustacheNode], path: String, stack: [FieldSchema], depth: Int, problems: inout [Diagnostic]
    ) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .tag(let tag):
                switch tag.kind {
                case .variable, .unescapedVariable:
                    if resolve(tag.name, in: stack) == nil {
                        problems.append(
                            .error(
                                "unknown field \"\(tag.name)\"\(hint(for: tag.name, in: stack))",
                                at: location(tag, path)))
                    }
                case .partial:
                    guard depth < maxPartialDepth else {
                        problems.append(
                            .error("partials include each other more than \(maxPartialDepth) deep (a cycle?)", at: location(tag, path)))
                        continue
                    }
                    if let partial = partials[tag.name] {
                        walkSchema(partial.nodes, path: partial.path, stack: stack, depth: depth + 1, problems: &problems)
                    }
                default:
                    break
                }
            case .section(let tag, let children):
                switch tag.kind {
                case .section, .invertedSection:
                    let found = resolve(tag.name, in: stack)
                    if found == nil {
                        problems.append(
                            .warning(
                                "section over unknown field \"\(tag.name)\" never shows\(hint(for: tag.name, in: stack))",
                                at: location(tag, path)))
                    }
                    var inner = stack
                    if tag.kind == .section {
                        switch found {
                        case .list(let element)?: inner.append(element)
                        case .object?: inner.append(found!)
                        case .value?: inner.append(.value)
                        case .anything?, nil: inner.append(.anything)
                        }
                    }
                    walkSchema(children, path: path, stack: inner, depth: depth, problems: &problems)
                default:
                    walkSchema(children, path: path, stack: stack, depth: depth, problems: &problems)
                }
            }
        }
    }

    private func resolve(_ name: String, in stack: [FieldSchema]) -> FieldSchema? {
        if name == "." { return stack.last }
        let relative = name.hasPrefix(".")
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return stack.last }
        let frames = relative ? [stack.last!] : stack.reversed()
        for frame in frames {
            guard var current = frame.child(first) else { continue }
            for part in parts.dropFirst() {
                guard let next = current.child(part) else { return nil }
                current = next
            }
            return current
        }
        return nil
    }

    /// "did you mean" for the first part of `name` that does not resolve
    /// (`metrics.activ_users.latest` suggests `metrics.active_users.latest`);
    /// with nothing close, the names that exist there when they are few.
    private func hint(for name: String, in stack: [FieldSchema]) -> String {
        let parts = name.split(separator: ".").map(String.init)
        guard !parts.isEmpty else { return "" }
        var resolved = 0
        while resolved < parts.count, resolve(parts[...resolved].joined(separator: "."), in: stack) != nil { resolved += 1 }
        let known: [String]
        if resolved == 0 {
            known = Set(stack.flatMap(\.childNames)).sorted()
        } else {
            known = resolve(parts[..<resolved].joined(separator: "."), in: stack)?.childNames ?? []
        }
        let wrong = parts[resolved]
        let close = known.map { ($0, EditDistance.between(wrong, $0)) }
            .filter { $0.1 <= max(2, wrong.count / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        for (candidate, _) in close {
            var fixed = parts
            fixed[resolved] = candidate
            let suggestion = fixed.joined(separator: ".")
            if resolve(suggestion, in: stack) != nil { return "; did you mean \"\(suggestion)\"?" }
        }
        if resolved > 0, !known.isEmpty, known.count <= 12 {
            let prefix = parts[..<resolved].joined(separator: ".")
            return "; \(prefix) has \(known.joined(separator: ", "))"
        }
        return ""
    }

    private func location(_ tag: MustacheTag, _ path: String) -> SourceLocation {
        SourceLocation(path: path, line: tag.line, column: tag.column)
    }
}
