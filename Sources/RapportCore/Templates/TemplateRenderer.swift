/// Renders compiled templates against a `TemplateValue` into one byte
/// buffer, kept from page to page.
///
/// One renderer per worker: it owns its buffer and context stack, so pages
/// render side by side without sharing anything mutable. The walk that
/// renders also notes what the field and honesty checks need (empty
/// values, whether what went wrong was shown), so no second interpreter
/// runs over the template.
struct TemplateRenderer {
    /// What a render found besides its output.
    struct Findings {
        /// Names shown empty where that is an error, with the file they are in.
        var emptyNames: [(path: String, tag: MustacheTag)] = []
        /// Whether a `notes.issues...` name was shown.
        var showedIssues = false
    }

    /// The page being rendered.
    var output = TemplateOutput(capacity: 64 * 1024)
    var findings = Findings()
    /// How deep partials may include partials at render time (a recursive partial over deep data).
    var maxDepth = 200
    /// Tags rendered so far (variables, sections, partials), for the cost per tag of `TemplateCostProbe`.
    private(set) var tagsRendered = 0

    private var library: [CompiledTemplate] = []
    private var root: CompiledTemplate?
    private var stack: [TemplateValue] = []
    private var positions: [(index: Int, count: Int)] = []
    private var indentation: [UInt8] = []
    private var pendingIndentation = false
    private var overrides: [[BlockOverride]] = []
    private var depth = 0

    /// Renders `template` (whose partials and parents are in `library`) for
    /// `context`, appending to `output`.
    /// - Throws: when partials recurse deeper than `maxDepth`.
    mutating func render(_ template: CompiledTemplate, library: [CompiledTemplate], context: TemplateValue) throws(Diagnostic) {
        self.library = library
        root = template
        stack.removeAll(keepingCapacity: true)
        stack.append(context)
        positions.removeAll(keepingCapacity: true)
        indentation.removeAll(keepingCapacity: true)
        pendingIndentation = false
        overrides.removeAll(keepingCapacity: true)
        depth = 0
        defer {
            root = nil
            self.library = []
            stack.removeAll(keepingCapacity: true)
        }
        try run(template, 0..<template.ops.count, contentType: template.contentType)
    }

    // MARK: - Operations

    private mutating func run(_ template: CompiledTemplate, _ range: Range<Int>, contentType: TemplateContentType) throws(Diagnostic) {
        var contentType = contentType
        var index = range.lowerBound
        while index < range.upperBound {
            switch template.ops[index] {
            case .text(let start, let end):
                template.text.withUnsafeBufferPointer { text in
                    appendText(UnsafeBufferPointer(rebasing: text[Int(start)..<Int(end)]))
                }
            case .value(let nameIndex, let escaped):
                tagsRendered &+= 1
                let name = template.names[Int(nameIndex)]
                let value = resolve(name)
                if pendingIndentation { flushIndentation() }
                if name.mustNotBeEmpty, value?.isBlank ?? true { findings.emptyNames.append((template.path, name.tag)) }
                if name.showsIssues { findings.showedIssues = true }
                if let value { append(value, as: escaped ? contentType : .text) }
            case .section(let nameIndex, let end):
                tagsRendered &+= 1
                let name = template.names[Int(nameIndex)]
                if name.showsIssues { findings.showedIssues = true }
                try section(resolve(name), template, (index + 1)..<Int(end), contentType: contentType)
                index = Int(end)
                continue
            case .inverted(let nameIndex, let end):
                tagsRendered &+= 1
                let name = template.names[Int(nameIndex)]
                if name.showsIssues { findings.showedIssues = true }
                if !(resolve(name)?.isTruthy ?? false) {
                    try run(template, (index + 1)..<Int(end), contentType: contentType)
                }
                index = Int(end)
                continue
            case .partial(let target, let indentation):
                tagsRendered &+= 1
                try include(target, indentation: indentation, in: template)
            case .parent(let target, let callIndex, let end):
                let call = template.parentCalls[Int(callIndex)]
                overrides.append(call.overrides)
                try include(target, indentation: call.indentation, in: template)
                overrides.removeLast()
                index = Int(end)
                continue
            case .block(let name, let indentation, let end):
                if let override = override(named: name) {
                    let owner = override.template < 0 ? root! : library[Int(override.template)]
                    // Inside a line the override goes on that line's indentation; standalone, it adds the block's.
                    let outer = indentation == .inline ? nil : indent(by: indentation, of: template)
                    try run(owner, Int(override.start)..<Int(override.end), contentType: contentType)
                    if let outer { self.indentation = outer }
                } else {
                    try run(template, (index + 1)..<Int(end), contentType: contentType)
                }
                index = Int(end)
                continue
            case .contentType(let type):
                contentType = type
            }
            index += 1
        }
    }

    private mutating func section(
        _ value: TemplateValue?, _ template: CompiledTemplate, _ body: Range<Int>, contentType: TemplateContentType
    ) throws(Diagnostic) {
        switch value {
        case nil, .null?:
            return
        case .bool(let flag)?:
            if flag { try run(template, body, contentType: contentType) }
        case .list(let items)?:
            for (position, item) in items.enumerated() {
                stack.append(item)
                positions.append((position, items.count))
                try run(template, body, contentType: contentType)
                positions.removeLast()
                stack.removeLast()
            }
        case let value?:
            stack.append(value)
            try run(template, body, contentType: contentType)
            stack.removeLast()
        }
    }

    /// Renders library template `target`. A standalone tag's indentation
    /// goes before each of its lines, on top of the lines around it; a
    /// partial inside a line is not indented (the spec indents a partial's
    /// own lines, not what it includes inline).
    private mutating func include(_ target: Int32, indentation: TextRange, in template: CompiledTemplate) throws(Diagnostic) {
        // A missing partial was reported when the library loaded; the spec renders it as nothing.
        guard target >= 0, Int(target) < library.count else { return }
        guard depth < maxDepth else {
            throw .error(
                "partials include each other more than \(maxDepth) deep (a recursive partial?)",
                at: SourceLocation(path: library[Int(target)].path))
        }
        let outer: [UInt8]
        if indentation == .inline {
            outer = self.indentation
            if pendingIndentation { flushIndentation() }
            self.indentation.removeAll(keepingCapacity: true)
        } else {
            outer = indent(by: indentation, of: template)
        }
        depth += 1
        let partial = library[Int(target)]
        try run(partial, 0..<partial.ops.count, contentType: partial.contentType)
        depth -= 1
        self.indentation = outer
        // After an inline partial the line goes on; after a standalone one, a new line starts if it ended one.
        if indentation == .inline { pendingIndentation = false }
    }

    /// Adds a standalone tag's indentation to the lines' for what it
    /// includes, which starts on a line of its own; returns the indentation
    /// to restore after it.
    private mutating func indent(by indentation: TextRange, of template: CompiledTemplate) -> [UInt8] {
        let outer = self.indentation
        if indentation.start < indentation.end {
            self.indentation.append(contentsOf: template.text[Int(indentation.start)..<Int(indentation.end)])
        }
        pendingIndentation = !self.indentation.isEmpty
        return outer
    }

    /// The override for `name` from the outermost `{{<parent}}` that gives one.
    private func override(named name: TemplateKey) -> BlockOverride? {
        for set in overrides {
            for override in set where override.name == name { return override }
        }
        return nil
    }

    // MARK: - Values

    private func resolve(_ name: CompiledName) -> TemplateValue? {
        var value: TemplateValue?
        var transforms = name.transforms[...]
        switch name.scope {
        case .current:
            value = stack.last
        case .position:
            guard let position = positions.last, let first = transforms.popFirst() else { return nil }
            value = first.apply(toPosition: position.index, of: position.count)
        case .top:
            value = Self.descend(stack.last, name.keys[...])
        case .stack:
            let first = name.keys[0]
            for frame in stack.reversed() {
                guard case .object(let object) = frame, let found = object[first] else { continue }
                value = name.keys.count == 1 ? found : Self.descend(found, name.keys.dropFirst())
                break
            }
        }
        for transform in transforms {
            guard let current = value else { return nil }
            value = transform.apply(to: current)
        }
        return value
    }

    private static func descend(_ value: TemplateValue?, _ keys: ArraySlice<TemplateKey>) -> TemplateValue? {
        var current = value
        for key in keys {
            guard case .object(let object)? = current else { return nil }
            current = object[key]
        }
        return current
    }

    // MARK: - Output

    private mutating func append(_ value: TemplateValue, as contentType: TemplateContentType) {
        switch value {
        case .text(let text):
            output.append(text, escapedFor: contentType)
        case .number(let number):
            output.append(Self.format(number), escapedFor: contentType)
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .null, .list, .object:
            break
        }
    }

    /// `85`, `1.21`: whole numbers without a fraction, others as Swift writes them.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    private mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        guard !indentation.isEmpty else {
            output.append(text)
            return
        }
        if pendingIndentation { flushIndentation() }
        var lineStart = 0
        for index in text.indices where text[index] == 0x0A {
            output.append(UnsafeBufferPointer(rebasing: text[lineStart...index]))
            lineStart = index + 1
            if lineStart < text.count {
                output.append(indentation)
            } else {
                pendingIndentation = true
            }
        }
        if lineStart < text.count { output.append(UnsafeBufferPointer(rebasing: text[lineStart...])) }
    }

    private mutating func flushIndentation() {
        pendingIndentation = false
        output.append(indentation)
    }
}
