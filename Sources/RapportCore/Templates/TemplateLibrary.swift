import Foundation

/// A set of templates (layouts, or content partials): each scanned once for
/// its tags and positions, then compiled together so partials and parents
/// resolve to one another by index.
///
/// A missing template or partial is an error with a location, never an
/// empty page.
struct TemplateLibrary: Sendable {
    struct Entry: Sendable {
        var name: String
        var path: String
        var nodes: [MustacheNode]
    }

    /// How `{{x}}` escapes in these templates.
    let contentType: TemplateContentType
    /// Whether an empty value is an error for the customer (content partials).
    let checksEmptyValues: Bool
    private(set) var entries: [String: Entry]
    /// Each template's text as written, for input hashes.
    private(set) var sources: [String: String]
    /// Every template compiled, in name order; `compile()` fills it.
    private(set) var compiled: [CompiledTemplate] = []
    private(set) var index: [String: Int] = [:]

    init(contentType: TemplateContentType = .html, checksEmptyValues: Bool = false) {
        self.contentType = contentType
        self.checksEmptyValues = checksEmptyValues
        entries = [:]
        sources = [:]
    }

    /// Scans `text` and registers it under `name`, for `compile()`.
    mutating func add(name: String, path: String, text: String, lineOffset: Int = 0, scanner: MustacheScanner) throws(DiagnosticList) {
        let nodes = try scanner.scan(text, path: path, lineOffset: lineOffset)
        entries[name] = Entry(name: name, path: path, nodes: nodes)
        sources[name] = text
    }

    /// Compiles every template added, so they can render.
    /// - Throws: the problems found at their tags (an unknown transform, say).
    mutating func compile() throws(DiagnosticList) {
        let names = entries.keys.sorted()
        index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        let compiler = TemplateCompiler(templateIndex: index, checksEmptyValues: checksEmptyValues)
        var problems: [Diagnostic] = []
        compiled = []
        compiled.reserveCapacity(names.count)
        for (position, name) in names.enumerated() {
            let entry = entries[name]!
            do {
                compiled.append(try compiler.compile(entry.nodes, name: name, path: entry.path, contentType: contentType, selfIndex: position))
            } catch {
                problems += error.diagnostics
                compiled.append(CompiledTemplate(name: name, path: entry.path, contentType: contentType))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    /// Compiles a template outside the library (a document body, a subject
    /// line) whose partials are this library's.
    func compile(
        _ nodes: [MustacheNode], name: String, path: String, contentType: TemplateContentType, checksEmptyValues: Bool
    ) throws(DiagnosticList) -> CompiledTemplate {
        try TemplateCompiler(templateIndex: index, checksEmptyValues: checksEmptyValues)
            .compile(nodes, name: name, path: path, contentType: contentType)
    }

    func contains(_ name: String) -> Bool {
        entries[name] != nil
    }

    /// The compiled template called `name`.
    func template(named name: String) -> CompiledTemplate? {
        index[name].map { compiled[$0] }
    }

    /// Renders template `name` into `renderer.output`; a missing template is an error, never "".
    func render(_ name: String, _ context: TemplateValue, with renderer: inout TemplateRenderer, path: String) throws(Diagnostic) {
        guard let template = template(named: name) else {
            throw .error("template \"\(name)\" not found", at: SourceLocation(path: path))
        }
        try renderer.render(template, library: compiled, context: context)
    }

    /// Renders template `name` for `page` with a renderer of its own, for
    /// pages rendered once per build (the dashboard, an edition's overview).
    func render(_ name: String, _ page: ViewModel, path: String) throws(Diagnostic) -> String {
        var renderer = TemplateRenderer()
        try render(name, .object(page), with: &renderer, path: path)
        return renderer.output.string
    }

    /// Partial and parent references (`{{> x}}`, `{{< x}}`) naming templates
    /// that do not exist, reported at the tag.
    func missingReferences(in nodes: [MustacheNode], path: String, kind: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var stack: [[MustacheNode]] = [nodes]
        while let list = stack.popLast() {
            for node in list {
                switch node {
                case .tag(let tag) where tag.kind == .partial:
                    if !contains(tag.name) {
                        problems.append(
                            .error(
                                "\(kind) \"\(tag.name)\" not found\(suggestion(for: tag.name))",
                                at: SourceLocation(path: path, line: tag.line, column: tag.column)))
                    }
                case .section(let tag, let children):
                    if tag.kind == .parentPartial, !contains(tag.name) {
                        problems.append(
                            .error(
                                "\(kind) \"\(tag.name)\" not found\(suggestion(for: tag.name))",
                                at: SourceLocation(path: path, line: tag.line, column: tag.column)))
                    }
                    stack.append(children)
                default:
                    break
                }
            }
        }
        return problems.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
    }

    private func suggestion(for name: String) -> String {
        let known = entries.keys.sorted()
        let available = known.isEmpty ? "none" : known.joined(separator: ", ")
        return " (available: \(available))"
    }
}
