/// Turns a scanned template (`MustacheScanner`'s tree) into a
/// `CompiledTemplate`: whitespace read as the Mustache spec says,
/// names interned, partials and parents resolved to library indices.
///
/// The scanner has already reported every syntax error with its position;
/// what can still fail here (an unknown transform, a dynamic partial) is
/// reported at the tag, in source order.
struct TemplateCompiler {
    /// Library templates by name, as `{{>name}}` and `{{<name}}` find them.
    var templateIndex: [String: Int]
    /// Whether an empty value is an error for the customer (Markdown content, headers).
    var checksEmptyValues = false

    /// Compiles `nodes`; `selfIndex` is the template's place in its library, `-1` for a template outside one.
    func compile(
        _ nodes: [MustacheNode], name: String, path: String, contentType: TemplateContentType, selfIndex: Int = -1
    ) throws(DiagnosticList) -> CompiledTemplate {
        var run = Run(compiler: self, template: CompiledTemplate(name: name, path: path, contentType: contentType), selfIndex: Int32(selfIndex))
        run.emit(Self.whitespaceApplied(Self.flatten(nodes)))
        guard run.problems.isEmpty else { throw DiagnosticList(run.problems) }
        return run.template
    }

    // MARK: - Tokens

    /// A template as a flat run of pieces, sections opened and closed in line.
    enum Token {
        case text([UInt8])
        case tag(MustacheTag)
        case open(MustacheTag)
        case close(MustacheTag)
        /// What the contents of the standalone partial, parent or block that follows are indented by.
        case indentation([UInt8])

        var tag: MustacheTag? {
            switch self {
            case .tag(let tag), .open(let tag), .close(let tag): tag
            case .text, .indentation: nil
            }
        }
    }

    /// The tree in source order, with explicit section ends, iteratively so depth costs no stack.
    static func flatten(_ nodes: [MustacheNode]) -> [Token] {
        var tokens: [Token] = []
        var pending: [(node: MustacheNode?, closing: MustacheTag?)] = nodes.reversed().map { ($0, nil) }
        while let (node, closing) = pending.popLast() {
            if let closing {
                tokens.append(.close(closing))
                continue
            }
            switch node! {
            case .text(let text): tokens.append(.text(Array(text.utf8)))
            case .tag(let tag): tokens.append(.tag(tag))
            case .section(let tag, let children):
                tokens.append(.open(tag))
                pending.append((nil, tag))
                pending.append(contentsOf: children.reversed().map { ($0, nil) })
            }
        }
        return tokens
    }
}

extension TemplateCompiler {
    /// The state of one `compile` call.
    struct Run {
        /// A section, block or parent being emitted, closed by its `.close` token.
        struct Open {
            var tag: MustacheTag
            var op: Int
            /// For a `{{<parent}}`: the overrides its blocks define so far.
            var overrides: [BlockOverride]?
        }

        let compiler: TemplateCompiler
        var template: CompiledTemplate
        let selfIndex: Int32
        var open: [Open] = []
        var problems: [Diagnostic] = []
        /// What the next standalone partial, parent or block indents its
        /// contents by (its `.indentation` token); nil inside a line.
        var indentation: [UInt8]?
        /// Whether the last operation is text the next text may join.
        var textCanGrow = false

        init(compiler: TemplateCompiler, template: CompiledTemplate, selfIndex: Int32) {
            self.compiler = compiler
            self.template = template
            self.selfIndex = selfIndex
        }

        /// Whether the innermost open tag is a `{{<parent}}`: only its blocks count there.
        private var isDirectlyInParent: Bool {
            open.last?.overrides != nil
        }

        mutating func emit(_ tokens: [Token]) {
            for token in tokens {
                switch token {
                case .indentation(let bytes):
                    indentation = bytes
                case .text(let bytes):
                    // Text directly inside a parent is not rendered (the spec's "Text inside parent").
                    guard !isDirectlyInParent else { continue }
                    appendText(bytes)
                case .tag(let tag):
                    guard !isDirectlyInParent else { continue }
                    emitTag(tag)
                case .open(let tag):
                    emitOpen(tag)
                case .close:
                    emitClose()
                }
                switch token {
                case .text, .indentation:
                    break
                case .tag(let tag) where tag.kind == .comment || tag.kind == .setDelimiter:
                    indentation = nil
                default:
                    textCanGrow = false
                    indentation = nil
                }
            }
        }

        private mutating func appendText(_ bytes: [UInt8]) {
            let start = Int32(template.text.count)
            template.text.append(contentsOf: bytes)
            let end = Int32(template.text.count)
            // Texts either side of a comment or a removed line become one copy,
            // unless a section or block begins or ends between them.
            if textCanGrow, case .text(let previousStart, _)? = template.ops.last {
                template.ops[template.ops.count - 1] = .text(start: previousStart, end: end)
            } else {
                template.ops.append(.text(start: start, end: end))
            }
            textCanGrow = true
        }

        private mutating func emitTag(_ tag: MustacheTag) {
            switch tag.kind {
            case .variable, .unescapedVariable:
                guard let name = compileName(tag) else { return }
                template.ops.append(.value(name: name, escaped: tag.kind == .variable))
            case .partial:
                guard let target = resolve(tag, what: "partial") else { return }
                template.ops.append(.partial(template: target, indentation: appendIndentation()))
            case .pragma:
                let typeName = tag.name.split(separator: ":").last.map(String.init) ?? ""
                if let type = TemplateContentType(pragmaName: typeName) { template.ops.append(.contentType(type)) }
            case .comment, .setDelimiter, .sectionEnd:
                break
            case .section, .invertedSection, .block, .parentPartial:
                break
            }
        }

        private mutating func emitOpen(_ tag: MustacheTag) {
            let op = template.ops.count
            switch tag.kind {
            case .section, .invertedSection:
                let name = compileName(tag) ?? 0
                template.ops.append(tag.kind == .section ? .section(name: name, end: 0) : .inverted(name: name, end: 0))
                open.append(Open(tag: tag, op: op))
            case .block:
                // A standalone block indents the override that replaces it.
                template.ops.append(.block(name: TemplateKey(tag.name), indentation: appendIndentation(), end: 0))
                open.append(Open(tag: tag, op: op))
            case .parentPartial:
                let target = resolve(tag, what: "parent") ?? -1
                // A standalone parent indents what it includes, like a partial.
                template.parentCalls.append(ParentCall(overrides: [], indentation: appendIndentation()))
                template.ops.append(.parent(template: target, call: Int32(template.parentCalls.count - 1), end: 0))
                open.append(Open(tag: tag, op: template.ops.count - 1, overrides: []))
            default:
                break
            }
        }

        private mutating func emitClose() {
            guard let closing = open.popLast() else { return }
            let end = Int32(template.ops.count)
            switch template.ops[closing.op] {
            case .section(let name, _): template.ops[closing.op] = .section(name: name, end: end)
            case .inverted(let name, _): template.ops[closing.op] = .inverted(name: name, end: end)
            case .block(let name, let indentation, _):
                template.ops[closing.op] = .block(name: name, indentation: indentation, end: end)
                if isDirectlyInParent {
                    // Inside a parent a block is an override: its operations are what replaces the parent's block.
                    open[open.count - 1].overrides!.append(
                        BlockOverride(name: name, template: selfIndex, start: Int32(closing.op + 1), end: end))
                }
            case .parent(let target, let call, _):
                template.parentCalls[Int(call)].overrides = closing.overrides ?? []
                template.ops[closing.op] = .parent(template: target, call: call, end: end)
            default:
                break
            }
        }

        /// Stores a standalone tag's indentation in the text, as the range
        /// an operation refers to; `.inline` for a tag inside a line.
        private mutating func appendIndentation() -> TextRange {
            guard let indentation else { return .inline }
            let start = Int32(template.text.count)
            template.text.append(contentsOf: indentation)
            return TextRange(start: start, end: Int32(template.text.count))
        }

        // MARK: - Names

        private mutating func compileName(_ tag: MustacheTag) -> Int32? {
            var transforms: [TemplateTransform] = []
            for name in tag.transforms.reversed() {
                guard let transform = TemplateTransform(rawValue: name) else {
                    report("unknown transform '\(name)' in \(tag); rapport knows \(TemplateTransform.known)", at: tag)
                    return nil
                }
                transforms.append(transform)
            }
            let scope: CompiledName.Scope
            var keys: [TemplateKey] = []
            if tag.name == "." {
                scope = .current
            } else if tag.name.isEmpty {
                scope = .position
            } else {
                scope = tag.name.hasPrefix(".") ? .top : .stack
                keys = tag.name.split(separator: ".").map { TemplateKey(String($0)) }
                for part in tag.name.split(separator: ".") { template.nameParts.insert(String(part)) }
            }
            template.names.append(
                CompiledName(
                    scope: scope, keys: keys, transforms: transforms, tag: tag,
                    mustNotBeEmpty: compiler.checksEmptyValues && (tag.kind == .variable || tag.kind == .unescapedVariable),
                    showsIssues: tag.name.hasPrefix("notes.issues")))
            return Int32(template.names.count - 1)
        }

        /// The library index a partial or parent tag names; nil for one that
        /// is not there, which the library reports with the names it has.
        private mutating func resolve(_ tag: MustacheTag, what: String) -> Int32? {
            if tag.name.hasPrefix("*") {
                report("dynamic \(what)s (\(tag)) are not supported; name the \(what) itself", at: tag)
                return nil
            }
            return compiler.templateIndex[tag.name].map(Int32.init)
        }

        private mutating func report(_ message: String, at tag: MustacheTag) {
            problems.append(.error(message, at: SourceLocation(path: template.path, line: tag.line, column: tag.column)))
        }
    }
}
