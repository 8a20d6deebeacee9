extension MustacheScanner {
    /// The state of one `scan` call: a cursor, the stack of open sections and the problems found so far.
    ///
    /// Open sections live in `frames` rather than on the call stack, so depth
    /// is bounded by `maxNesting`, not by the thread's stack size.
    struct Run {
        /// An open section and what has been read inside it so far.
        struct Frame {
            var tag: MustacheTag
            /// The name and transforms its `{{/...}}` must repeat, as swift-mustache compares them.
            var closeName: String
            var closeTransforms: [String]
            /// swift-mustache allows only text, comments and blocks directly inside `{{<parent}}`.
            var allowsOnlyBlocks: Bool
            var children: [MustacheNode] = []

            func isClosed(by name: String, _ transforms: [String]) -> Bool {
                closeName == name && closeTransforms == transforms
            }
        }

        let scanner: MustacheScanner
        let path: String
        let lineOffset: Int
        var cursor: Cursor
        var root: [MustacheNode] = []
        var frames: [Frame] = []
        var diagnostics: [Diagnostic] = []
        /// Set when the rest of the text cannot be read sensibly; open sections are
        /// then not reported, as their closing tags may lie in the unread part.
        var stopped = false

        init(scanner: MustacheScanner, text: String, path: String, lineOffset: Int) {
            self.scanner = scanner
            self.path = path
            self.lineOffset = lineOffset
            self.cursor = Cursor(text)
        }

        mutating func scanAll() {
            while !stopped, scanText() {
                scanTag()
            }
            guard !stopped else { return }
            for frame in frames {
                report("unclosed section \(frame.tag)", at: frame.tag)
            }
        }

        /// Diagnostics in source order; the sort is stable so one place keeps the order found.
        var sortedDiagnostics: [Diagnostic] {
            diagnostics.enumerated()
                .sorted { lhs, rhs in
                    let left = (lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
                    let right = (rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
                    return left < right
                }
                .map(\.element)
        }

        // MARK: - Text

        /// Appends the text up to the next `{{`; returns whether one was found.
        private mutating func scanText() -> Bool {
            let start = cursor.position
            var foundTag = false
            while true {
                cursor.advanceToOpeningBrace()
                guard !cursor.isAtEnd else { break }
                guard cursor.delimiters.isStandard else {
                    foundTag = true
                    break
                }
                let next = cursor.next
                if next == UInt8(ascii: "{") {
                    foundTag = true
                    break
                }
                if next == nil {
                    // swift-mustache reads two characters at every `{` and throws when only one is left.
                    report("a template cannot end with a single '{'", at: cursor.position)
                }
                cursor.advance()
            }
            if start.offset < cursor.position.offset {
                append(.text(cursor.text(from: start)))
            }
            return foundTag
        }

        // MARK: - Tags

        private mutating func scanTag() {
            let start = cursor.position
            cursor.advance(over: cursor.delimiters.open)
            guard let sigil = cursor.current else {
                report("unterminated tag \(openText)", at: start)
                stopped = true
                return
            }
            if cursor.isAtNewline {
                // swift-mustache silently drops a `{{` that ends a line, taking what follows as text.
                report("line break directly after \(openText)", at: start)
                return
            }
            do throws(TagSyntaxError) {
                switch sigil {
                case UInt8(ascii: "!"):
                    cursor.advance()
                    scanComment(from: start)
                case UInt8(ascii: "="):
                    cursor.advance()
                    scanSetDelimiters(from: start)
                case UInt8(ascii: "%"):
                    cursor.advance()
                    try scanPragma(from: start)
                case UInt8(ascii: ">"):
                    cursor.advance()
                    try scanPartial(from: start)
                case UInt8(ascii: "<"):
                    cursor.advance()
                    try scanParentPartial(from: start)
                case UInt8(ascii: "/"):
                    cursor.advance()
                    try scanSectionEnd(from: start)
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"):
                    cursor.advance()
                    let kind: MustacheTag.Kind =
                        sigil == UInt8(ascii: "#") ? .section : sigil == UInt8(ascii: "^") ? .invertedSection : .block
                    try scanSectionStart(kind, from: start)
                case UInt8(ascii: "{"), UInt8(ascii: "&"):
                    cursor.advance()
                    try scanVariable(.unescapedVariable, triple: sigil == UInt8(ascii: "{"), from: start)
                default:
                    try scanVariable(.variable, triple: false, from: start)
                }
            } catch {
                recover(from: error, tagStart: start)
            }
        }

        private mutating func scanVariable(_ kind: MustacheTag.Kind, triple: Bool, from start: Cursor.Position) throws(TagSyntaxError) {
            guard let (name, transforms) = try readNameAndTransforms(tagStart: start) else { return }
            if triple {
                guard cursor.current == UInt8(ascii: "}") else {
                    throw TagSyntaxError(reason: cursor.isAtEnd ? .endOfText : .missingThirdBrace, position: cursor.position)
                }
                cursor.advance()
            }
            let tag = makeTag(kind, name, transforms, at: start)
            guard hasName(tag) else { return }
            checkPlacement(of: tag)
            append(.tag(tag))
        }

        private mutating func scanSectionStart(_ kind: MustacheTag.Kind, from start: Cursor.Position) throws(TagSyntaxError) {
            guard let (name, transforms) = try readNameAndTransforms(tagStart: start) else { return }
            let tag = makeTag(kind, name, transforms, at: start)
            guard hasName(tag) else { return }
            if kind == .block, !transforms.isEmpty {
                report("transforms cannot be applied to a block: \(tag)", at: tag)
            }
            checkPlacement(of: tag)
            // A block's end tag never repeats transforms: swift-mustache drops them when opening it.
            push(Frame(tag: tag, closeName: name, closeTransforms: kind == .block ? [] : transforms, allowsOnlyBlocks: false))
        }

        private mutating func scanSectionEnd(from start: Cursor.Position) throws(TagSyntaxError) {
            guard let (name, transforms) = try readNameAndTransforms(tagStart: start) else { return }
            let tag = makeTag(.sectionEnd, name, transforms, at: start)
            guard hasName(tag) else { return }
            guard let innermost = frames.last else {
                report("stray closing tag \(tag)", at: tag)
                return
            }
            if innermost.isClosed(by: name, transforms) {
                popFrame()
                return
            }
            report("\(tag) closes \(innermost.tag) opened at line \(innermost.tag.line)", at: tag)
            // If it closes an outer section, the ones inside were left open; otherwise take it for a misspelt end of the innermost.
            let outer = frames.lastIndex { $0.isClosed(by: name, transforms) } ?? frames.count - 1
            while frames.count > outer {
                popFrame()
            }
        }

        private mutating func scanPartial(from start: Cursor.Position) throws(TagSyntaxError) {
            cursor.skipWhitespace()
            let isDynamic = cursor.current == UInt8(ascii: "*")
            if isDynamic {
                cursor.advance()
            }
            let name = try MustacheScanner.readName(&cursor, allowing: MustacheScanner.isPartialNameByte)
            let tag = makeTag(.partial, isDynamic ? "*" + name : name, [], at: start)
            guard !name.isEmpty else {
                report("empty tag name in \(tag)", at: tag)
                return
            }
            checkPlacement(of: tag)
            append(.tag(tag))
        }

        private mutating func scanParentPartial(from start: Cursor.Position) throws(TagSyntaxError) {
            cursor.skipWhitespace()
            // Unlike `{{>`, swift-mustache keeps a leading `*` in the name and matches the end tag against it.
            let name = try MustacheScanner.readName(&cursor, allowing: MustacheScanner.isPartialNameByte)
            let tag = makeTag(.parentPartial, name, [], at: start)
            guard !name.isEmpty, name != "*" else {
                report("empty tag name in \(tag)", at: tag)
                return
            }
            checkPlacement(of: tag)
            push(Frame(tag: tag, closeName: name, closeTransforms: [], allowsOnlyBlocks: true))
        }

        private mutating func scanComment(from start: Cursor.Position) {
            let contentStart = cursor.position
            while !cursor.isAtEnd {
                if cursor.isAtClose {
                    let content = cursor.text(from: contentStart)
                    cursor.advance(over: cursor.delimiters.close)
                    append(.tag(makeTag(.comment, Self.trimmed(content), [], at: start)))
                    return
                }
                cursor.advance()
            }
            report("unterminated comment \(openText)!", at: start)
            stopped = true
        }

        private mutating func scanPragma(from start: Cursor.Position) throws(TagSyntaxError) {
            cursor.skipWhitespace()
            let key = cursor.read(while: MustacheScanner.isPlainNameByte)
            cursor.skipWhitespace()
            guard cursor.current == UInt8(ascii: ":") else { throw pragmaError() }
            cursor.advance()
            cursor.skipWhitespace()
            let value = cursor.read(while: MustacheScanner.isPlainNameByte)
            cursor.skipWhitespace()
            guard cursor.isAtClose else { throw pragmaError() }
            cursor.advance(over: cursor.delimiters.close)
            let tag = makeTag(.pragma, "\(key):\(value)", [], at: start)
            guard !key.isEmpty, !value.isEmpty else {
                report("invalid pragma \(tag); expected {{%CONTENT_TYPE:HTML}}", at: tag)
                return
            }
            guard key == "CONTENT_TYPE" else {
                report("unknown pragma '\(key)'; only CONTENT_TYPE is supported", at: tag)
                return
            }
            guard scanner.contentTypes.contains(value) else {
                let known = scanner.contentTypes.sorted().joined(separator: ", ")
                report("unknown content type '\(value)'; expected one of \(known)", at: tag)
                return
            }
            checkPlacement(of: tag)
            append(.tag(tag))
        }

        /// Reads `=<% %>=` after the open delimiter and makes those the
        /// delimiters from the end of this tag on.
        private mutating func scanSetDelimiters(from start: Cursor.Position) {
            cursor.skipWhitespace()
            let open = readDelimiter()
            cursor.skipWhitespace()
            let close = readDelimiter()
            cursor.skipWhitespace()
            let isWellFormed = !open.isEmpty && !close.isEmpty && cursor.current == UInt8(ascii: "=")
            if isWellFormed { cursor.advance() }
            guard isWellFormed, cursor.isAtClose else {
                report(
                    "invalid delimiter tag; expected \(openText)=<% %>=\(closeText): two delimiters of ASCII characters other than spaces and '='",
                    at: start)
                stopped = true
                return
            }
            cursor.advance(over: cursor.delimiters.close)
            let delimiters = Delimiters(open: open, close: close)
            append(.tag(makeTag(.setDelimiter, delimiters.description, [], at: start)))
            cursor.delimiters = delimiters
        }

        private mutating func readDelimiter() -> [UInt8] {
            var bytes: [UInt8] = []
            while let byte = cursor.current, Delimiters.isDelimiterByte(byte) {
                bytes.append(byte)
                cursor.advance()
            }
            return bytes
        }

        private var openText: String { String(decoding: cursor.delimiters.open, as: UTF8.self) }
        private var closeText: String { String(decoding: cursor.delimiters.close, as: UTF8.self) }

        private func pragmaError() -> TagSyntaxError {
            TagSyntaxError(reason: cursor.isAtEnd ? .endOfText : .invalidPragma, position: cursor.position)
        }

        // MARK: - Names

        /// Reads a name with optional transforms; reports and returns nil if the transforms are malformed.
        private mutating func readNameAndTransforms(tagStart: Cursor.Position) throws(TagSyntaxError) -> (String, [String])? {
            let text = try MustacheScanner.readName(&cursor, allowing: MustacheScanner.isNameByte)
            guard let (name, transforms) = MustacheScanner.splitTransforms(text), !transforms.contains("") else {
                report("invalid transform syntax '\(text)'", at: tagStart)
                return nil
            }
            return (name, transforms)
        }

        /// Reports `{{}}`, `{{#}}` and the like; `{{^last()}}` has transforms and so counts as named.
        private mutating func hasName(_ tag: MustacheTag) -> Bool {
            guard tag.name.isEmpty, tag.transforms.isEmpty else { return true }
            report("empty tag name in \(tag)", at: tag)
            return false
        }

        /// Reports tags that swift-mustache rejects directly inside `{{<parent}}`.
        private mutating func checkPlacement(of tag: MustacheTag) {
            guard let parent = frames.last, parent.allowsOnlyBlocks else { return }
            switch tag.kind {
            case .block, .comment, .sectionEnd:
                return
            default:
                report("\(tag) cannot appear directly inside \(parent.tag); only text, comments and {{$block}} sections can", at: tag)
            }
        }

        private static func trimmed(_ text: String) -> String {
            let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
            let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
            return String(text[start..<end])
        }

        // MARK: - Tree

        private mutating func push(_ frame: Frame) {
            guard frames.count < scanner.maxNesting else {
                report("sections nested deeper than \(scanner.maxNesting)", at: frame.tag)
                stopped = true
                return
            }
            frames.append(frame)
        }

        private mutating func popFrame() {
            let frame = frames.removeLast()
            append(.section(frame.tag, children: frame.children))
        }

        private mutating func append(_ node: MustacheNode) {
            if frames.isEmpty {
                root.append(node)
            } else {
                frames[frames.count - 1].children.append(node)
            }
        }

        // MARK: - Errors

        private mutating func recover(from error: TagSyntaxError, tagStart: Cursor.Position) {
            switch error.reason {
            case .endOfText:
                report("unterminated tag \(openText)", at: tagStart)
                stopped = true
            case .runsIntoNextTag, .runsOntoNextLine:
                report("unterminated tag \(openText)", at: tagStart)
                cursor.position = error.position
            case .missingThirdBrace:
                report("a tag opened with \(openText){ must end with }\(closeText)", at: error.position)
                cursor.position = error.position
            case .singleBrace:
                report("a tag must end with \(closeText)", at: error.position)
                skipRestOfTag(from: error.position)
            case .spaceInName:
                report("a tag name cannot contain spaces", at: error.position)
                skipRestOfTag(from: error.position)
            case .unexpected(let character):
                report("invalid character '\(character)' in tag name", at: error.position)
                skipRestOfTag(from: error.position)
            case .invalidPragma:
                report("invalid pragma; expected {{%CONTENT_TYPE:HTML}}", at: tagStart)
                skipRestOfTag(from: error.position)
            }
        }

        /// Resumes after the broken tag's `}}`, or at a `{{` that comes first, so one typo gives one error.
        private mutating func skipRestOfTag(from position: Cursor.Position) {
            cursor.position = position
            while !cursor.isAtEnd {
                if cursor.isAtClose {
                    cursor.advance(over: cursor.delimiters.close)
                    return
                }
                if cursor.isAtOpen {
                    return
                }
                cursor.advance()
            }
        }

        private func makeTag(_ kind: MustacheTag.Kind, _ name: String, _ transforms: [String], at start: Cursor.Position) -> MustacheTag {
            MustacheTag(kind, name, transforms: transforms, line: start.line + lineOffset, column: start.column)
        }

        private mutating func report(_ message: String, at position: Cursor.Position) {
            let location = SourceLocation(path: path, line: position.line + lineOffset, column: position.column)
            diagnostics.append(.error(message, at: location))
        }

        private mutating func report(_ message: String, at tag: MustacheTag) {
            let location = SourceLocation(path: path, line: tag.line, column: tag.column)
            diagnostics.append(.error(message, at: location))
        }
    }
}
