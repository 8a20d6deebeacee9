extension TemplateCompiler {
    /// Applies the Mustache spec's whitespace rules to a flat template
    /// (mustache/spec, `specs/whitespace.md` and the `~inheritance` tests):
    ///
    /// - A line holding only one section, comment, partial, block, parent or
    ///   delimiter tag and whitespace is "standalone": it is removed, and a
    ///   standalone partial or parent keeps its leading whitespace as the
    ///   indentation of what it includes.
    /// - Inheritance adds standalone pairs of adjacent tags: `{{<p}}{{/p}}`,
    ///   `{{<p}}{{$b}}` and `{{/b}}{{/p}}` lines are removed like one tag;
    ///   an empty `{{$b}}{{/b}}` line loses its leading whitespace (which
    ///   indents the block's override) but keeps its line break.
    /// - A block whose opening tag ends its line has an intrinsic
    ///   indentation, the leading whitespace of the next line. An argument
    ///   block (directly inside `{{<parent}}`) loses it from the start of
    ///   each of its lines; a standalone parameter block (anywhere else)
    ///   puts it back before each line of the override that replaces it.
    ///   So an override is indented where it lands, not where it was
    ///   written, and nested blocks are indented relative to theirs.
    static func whitespaceApplied(_ tokens: [Token]) -> [Token] {
        var layout = Layout(tokens)
        layout.removeArgumentIndentation()
        return layout.trimmedStandaloneLines()
    }

    /// One template's tokens while its whitespace is worked out.
    struct Layout {
        /// What a run of tags alone on its line does to that line.
        enum Standalone {
            /// The line goes; `indentation` (for partials, parents and
            /// parameter blocks) is what their contents are indented by.
            case line(indentation: [UInt8]?)
            /// An empty parameter block: its leading whitespace goes and indents its override; its line break stays.
            case emptyBlock(indentation: [UInt8])
        }

        var tokens: [Token]
        /// For each `.open` token, the index of its `.close`.
        var closeIndex: [Int: Int] = [:]
        /// The `.open` tokens of blocks directly inside a `{{<parent}}`.
        var argumentBlocks: Set<Int> = []

        init(_ tokens: [Token]) {
            self.tokens = tokens
            var open: [Int] = []
            for index in tokens.indices {
                switch tokens[index] {
                case .open(let tag):
                    if tag.kind == .block, let enclosing = open.last, tokens[enclosing].tag?.kind == .parentPartial {
                        argumentBlocks.insert(index)
                    }
                    open.append(index)
                case .close:
                    if let opening = open.popLast() { closeIndex[opening] = index }
                case .text, .tag, .indentation:
                    break
                }
            }
        }

        // MARK: - Intrinsic indentation

        /// Removes each argument block's intrinsic indentation from the start
        /// of its lines, outer blocks first, so a nested block's own
        /// indentation is then read relative to the block around it.
        mutating func removeArgumentIndentation() {
            for index in argumentBlocks.sorted() {
                guard let indentation = intrinsicIndentation(ofBlockAt: index), !indentation.isEmpty,
                    let close = closeIndex[index]
                else { continue }
                for inner in (index + 1)..<close {
                    guard case .text(let text) = tokens[inner] else { continue }
                    tokens[inner] = .text(Self.removing(indentation, afterLineBreaksIn: text))
                }
            }
        }

        /// The leading whitespace of the line after a block's opening tag,
        /// when that tag ends its line (nil when something follows it there).
        func intrinsicIndentation(ofBlockAt index: Int) -> [UInt8]? {
            guard index + 1 < tokens.count, case .text(let after) = tokens[index + 1],
                let lineBreak = after.firstIndex(of: 0x0A),
                after[..<lineBreak].allSatisfy({ $0 == 0x0D || Self.isInlineSpace($0) })
            else { return nil }
            let nextLine = after[(lineBreak + 1)...]
            return Array(nextLine.prefix(while: Self.isInlineSpace))
        }

        /// `text` without `indentation` at the start of each line that begins after one of its line breaks.
        static func removing(_ indentation: [UInt8], afterLineBreaksIn text: [UInt8]) -> [UInt8] {
            var result: [UInt8] = []
            result.reserveCapacity(text.count)
            var index = 0
            while index < text.count {
                let byte = text[index]
                result.append(byte)
                index += 1
                if byte == 0x0A, text[index...].starts(with: indentation) {
                    index += indentation.count
                }
            }
            return result
        }

        // MARK: - Standalone lines

        /// The tokens with standalone lines removed and the indentation of
        /// standalone partials, parents and parameter blocks put before them.
        func trimmedStandaloneLines() -> [Token] {
            // Decided on the original text first: two standalone tags may share the text between them.
            // By the run's first tag; a pair's second tag is the one after it.
            var standalone: [Int: Standalone] = [:]
            var pairs: Set<Int> = []
            var index = 0
            while index < tokens.count {
                if isStandalonePair(at: index) {
                    pairs.insert(index)
                    let indentation = leadingWhitespace(before: index)
                    if isEmptyParameterBlock(at: index) {
                        standalone[index] = .emptyBlock(indentation: indentation)
                    } else if case .open = tokens[index] {
                        standalone[index] = .line(indentation: indentation)
                    } else {
                        standalone[index] = .line(indentation: nil)
                    }
                    index += 2
                    continue
                }
                if isStandalone(at: index) {
                    standalone[index] = .line(indentation: indentationIncluded(byStandaloneAt: index))
                }
                index += 1
            }

            var trimmedEnd: [Int: Int] = [:]
            var trimmedStart: [Int: Int] = [:]
            for (first, kind) in standalone {
                let last = pairs.contains(first) ? first + 1 : first
                if first > 0, case .text(let before) = tokens[first - 1] {
                    trimmedEnd[first - 1] = Self.lineStart(in: before)
                }
                if last + 1 < tokens.count, case .text(let after) = tokens[last + 1] {
                    switch kind {
                    case .line:
                        trimmedStart[last + 1] = after.firstIndex(of: 0x0A).map { $0 + 1 } ?? after.count
                    case .emptyBlock:
                        trimmedStart[last + 1] = after.prefix(while: Self.isInlineSpace).count
                    }
                }
            }

            var result: [Token] = []
            result.reserveCapacity(tokens.count)
            for index in tokens.indices {
                if case .text(let text) = tokens[index] {
                    let start = trimmedStart[index] ?? 0
                    let end = max(start, trimmedEnd[index] ?? text.count)
                    if start < end { result.append(.text(Array(text[start..<end]))) }
                    continue
                }
                switch standalone[index] {
                case .line(let indentation?)?, .emptyBlock(let indentation)?:
                    result.append(.indentation(indentation))
                case .line(nil)?, nil:
                    break
                }
                result.append(tokens[index])
            }
            return result
        }

        /// What a standalone tag's contents are indented by: a partial's or
        /// parent's leading whitespace, a parameter block's intrinsic
        /// indentation; nil for tags that include nothing.
        private func indentationIncluded(byStandaloneAt index: Int) -> [UInt8]? {
            switch tokens[index] {
            case .tag(let tag) where tag.kind == .partial, .open(let tag) where tag.kind == .parentPartial:
                return leadingWhitespace(before: index)
            case .open(let tag) where tag.kind == .block && !argumentBlocks.contains(index):
                return intrinsicIndentation(ofBlockAt: index) ?? []
            default:
                return nil
            }
        }

        /// Whether tokens `index` and `index + 1` are a pair of inheritance
        /// tags that stand alone on their line together.
        private func isStandalonePair(at index: Int) -> Bool {
            guard index + 1 < tokens.count, startsLine(index), endsLine(index + 1) else { return false }
            switch (tokens[index], tokens[index + 1]) {
            case (.open(let parent), .close) where parent.kind == .parentPartial:
                return closeIndex[index] == index + 1
            case (.open(let parent), .open(let block)) where parent.kind == .parentPartial && block.kind == .block:
                return true
            case (.close(let block), .close(let parent)) where block.kind == .block && parent.kind == .parentPartial:
                return true
            default:
                return isEmptyParameterBlock(at: index)
            }
        }

        private func isEmptyParameterBlock(at index: Int) -> Bool {
            guard case .open(let block) = tokens[index], block.kind == .block, !argumentBlocks.contains(index) else { return false }
            return closeIndex[index] == index + 1
        }

        private func isStandalone(at index: Int) -> Bool {
            switch tokens[index] {
            case .tag(let tag) where tag.kind == .variable || tag.kind == .unescapedVariable:
                return false
            case .text, .indentation:
                return false
            case .tag, .open, .close:
                return startsLine(index) && endsLine(index)
            }
        }

        /// Whether only spaces and tabs stand between the line's (or the template's) start and token `index`.
        private func startsLine(_ index: Int) -> Bool {
            guard index > 0 else { return true }
            guard case .text(let before) = tokens[index - 1] else { return false }
            if let newline = before.lastIndex(of: 0x0A) {
                return before[(newline + 1)...].allSatisfy(Self.isInlineSpace)
            }
            return index - 1 == 0 && before.allSatisfy(Self.isInlineSpace)
        }

        /// Whether only spaces and tabs stand between token `index` and the line's (or the template's) end.
        private func endsLine(_ index: Int) -> Bool {
            guard index + 1 < tokens.count else { return true }
            guard case .text(let after) = tokens[index + 1] else { return false }
            if let newline = after.firstIndex(of: 0x0A) {
                var rest = after[..<newline]
                if rest.last == 0x0D { rest = rest.dropLast() }
                return rest.allSatisfy(Self.isInlineSpace)
            }
            return index + 1 == tokens.count - 1 && after.allSatisfy(Self.isInlineSpace)
        }

        /// The spaces and tabs between the start of token `index`'s line and the token.
        private func leadingWhitespace(before index: Int) -> [UInt8] {
            guard index > 0, case .text(let before) = tokens[index - 1] else { return [] }
            return Array(before[Self.lineStart(in: before)...])
        }

        private static func lineStart(in text: [UInt8]) -> Int {
            text.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        }

        static func isInlineSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09
        }
    }
}
