import Foundation
import Mustache

/// A set of parsed Mustache templates (layouts, or content partials) with
/// their scanned tag trees, so references can be checked before rendering.
///
/// swift-mustache renders a missing template as nil and a missing partial as
/// nothing; this type makes both an error with a location instead.
struct TemplateLibrary: @unchecked Sendable {
    // @unchecked: MustacheLibrary is Sendable; the scanned trees are immutable values.
    struct Entry: Sendable {
        var name: String
        var path: String
        var nodes: [MustacheNode]
    }

    private(set) var mustache: MustacheLibrary
    private(set) var entries: [String: Entry]
    /// Each template's text as written, for input hashes.
    private(set) var sources: [String: String]

    init() {
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
        let nodes = try scanner.scan(text, path: path, lineOffset: lineOffset)
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
        entries[name] = Entry(name: name, path: path, nodes: nodes)
        sources[name] = text
    }

    func contains(_ name: String) -> Bool {
        entries[name] != nil
    }

    /// Renders template `name`; a missing template is an error, never "".
    func render(_ name: String, _ model: ViewModel, path: String) throws(Diagnostic) -> String {
        guard let output = mustache.render(model, withTemplate: name) else {
            throw .error("template \"\(name)\" not found", at: SourceLocation(path: path))
        }
        return output
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

extension TemplateLibrary {
    /// Renders a content document's body with these partials; the body is
    /// registered per call-free: documents are parsed once at load.
    func renderDocument(_ compiled: CompiledDocument, _ model: ViewModel) throws(Diagnostic) -> String {
        guard let template = compiled.template else {
            throw .error("document was not compiled", at: SourceLocation(path: compiled.document.path))
        }
        return template.render(model, library: mustache)
    }
}
