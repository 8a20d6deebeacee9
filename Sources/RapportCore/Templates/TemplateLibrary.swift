import Foundation
import Mustache

/// A set of templates (layouts, or content partials): each scanned once for
/// its tags and positions, then compiled together so partials and parents
/// resolve to one another by index.
///
/// A missing template or partial is an error with a location, never an
/// empty page.
struct TemplateLibrary: @unchecked Sendable {
    // @unchecked: MustacheLibrary is Sendable; the scanned trees are immutable values.
    struct Entry: Sendable {
        var name: String
        var path: String
        var nodes: [MustacheNode]
    }

    /// How `{{x}}` escapes in these templates.
    let contentType: TemplateContentType
    /// Whether an empty value is an error for the customer (content partials).
    let checksEmptyValues: Bool
    private(set) var mustache: MustacheLibrary
    private(set) var entries: [String: Entry]
    /// Each template's text as written, for input hashes.
    private(set) var sources: [String: String]
    /// Every template compiled, in name order; `compile()` fills it.
    private(set) var compiled: [CompiledTemplate] = []
    private(set) var index: [String: Int] = [:]

    init(contentType: TemplateContentType = .html, checksEmptyValues: Bool = false) {
        self.contentType = contentType
        self.checksEmptyValues = checksEmptyValues
        mustache = MustacheLibrary()
        entries = [:]
        sources = [:]
    }

    /// Scans and parses `text` and registers it under `name`. `prefix` is
    /// text swift-mustache sees before the template (a pragma line), which
    /// the scanner does not, so positions stay those of the file.
    mutating func add(
        name: String,
        path: String,
        text: String,
        lineOffset: Int,
        prefix: String = "",
        scanner: MustacheScanner
    ) throws(DiagnosticList) {
        try addScanned(name: name, path: path, text: text, lineOffset: lineOffset, scanner: scanner)
        do {
            let template = try MustacheTemplate(string: prefix + text)
            mustache.register(template, named: name)
        } catch let error as MustacheTemplate.ParserError {
            let prefixLines = prefix.filter { $0 == "\n" }.count
            let line = error.context.lineNumber - prefixLines + lineOffset
            throw DiagnosticList([
                .error(
                    "template error: \(error.error)",
                    at: SourceLocation(path: path, line: line, column: error.context.columnNumber))
            ])
        } catch {
            throw DiagnosticList([.error("template error: \(error)", at: SourceLocation(path: path))])
        }
    }

    /// Scans `text` and registers it under `name`, for `compile()`.
    mutating func addScanned(name: String, path: String, text: String, lineOffset: Int = 0, scanner: MustacheScanner) throws(DiagnosticList) {
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

    /// Renders template `name` from a `[String: Any]` view model; a missing template is an error, never "".
    func render(_ name: String, _ model: ViewModel, path: String) throws(Diagnostic) -> String {
        if TemplateLibrary.usesSwiftMustache {
            guard let output = mustache.render(model, withTemplate: name) else {
                throw .error("template \"\(name)\" not found", at: SourceLocation(path: path))
            }
            return output
        }
        var renderer = TemplateRenderer()
        try render(name, TemplateValue(viewModel: model), with: &renderer, path: path)
        return renderer.output.string
    }

    /// Whether pages render with swift-mustache (`RAPPORT_ENGINE=swift-mustache`), for the differential proof.
    static let usesSwiftMustache = ProcessInfo.processInfo.environment["RAPPORT_ENGINE"] == "swift-mustache"

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

extension TemplateLibrary {
    /// Renders a content document's body with these partials; the body is
    /// registered per call-free: documents are parsed once at load.
    func renderDocument(_ compiled: CompiledDocument, _ model: ViewModel) throws(Diagnostic) -> String {
        guard let template = compiled.template else {
            throw .error("document was not compiled", at: SourceLocation(path: compiled.document.path))
        }
        if TemplateLibrary.usesSwiftMustache { return template.render(model, library: mustache) }
        var renderer = TemplateRenderer()
        try renderer.render(compiled.body, library: self.compiled, context: TemplateValue(viewModel: model))
        return renderer.output.string
    }
}
