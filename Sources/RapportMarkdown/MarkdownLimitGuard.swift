/// The linear pre-scan that enforces `MarkdownLimits` before cmark-gfm runs.
///
/// It over-approximates on purpose: it knows nothing of code spans or fenced
/// code, so it may count a `[` or `|` that cmark would treat as code. That
/// can only make it stricter, never let a pathological input through, and
/// the limits are far above what a person writes.
enum MarkdownLimitGuard {
    /// Throws the first limit the document exceeds, located at its line (and column).
    static func check(_ markdown: String, against limits: MarkdownLimits) throws(MarkdownError) {
        let byteCount = markdown.utf8.count
        if byteCount > limits.maxBytes {
            throw MarkdownError(
                line: 1,
                message: "document is \(byteCount) bytes (limit \(limits.maxBytes); raise markdown.max_bytes in rapport.yml)"
            )
        }
        var text = markdown
        let problem = text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes, limits: limits)
            return onlyNestingCanExceed(bytes, limits) ? scanner.firstNestingProblem() : scanner.firstProblem()
        }
        if let problem { throw problem }
    }

    /// Whether the document has too few `|` and `[` for any row or bracket
    /// run to exceed its limit: a row's cells are at most its pipes plus one,
    /// a run's depth at most its brackets. Then only the start of each line
    /// needs reading; the full scan of every byte was a third of the Markdown
    /// time of a build, where no document comes near the limits.
    private static func onlyNestingCanExceed(_ bytes: UnsafeBufferPointer<UInt8>, _ limits: MarkdownLimits) -> Bool {
        var pipes = 0
        var brackets = 0
        for byte in bytes {
            pipes &+= byte == .pipe ? 1 : 0
            brackets &+= byte == .leftBracket ? 1 : 0
        }
        return pipes < limits.maxTableColumns && brackets <= limits.maxBracketRun
    }
}

// MARK: - Scanner

extension MarkdownLimitGuard {
    /// One pass over the UTF-8 bytes, line by line (LF, CR or CRLF end a line, as in CommonMark).
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let limits: MarkdownLimits

        private var lineNumber = 1
        private var lineStart = 0
        /// The previous line, a table header candidate if this line is a delimiter row.
        private var previousRow: Row?
        private var inTable = false
        /// The current paragraph's bracket run; reset by a blank line.
        private var bracketDepth = 0
        private var bracketRun = BracketRun()

        init(bytes: UnsafeBufferPointer<UInt8>, limits: MarkdownLimits) {
            self.bytes = bytes
            self.limits = limits
        }

        mutating func firstProblem() -> MarkdownError? {
            while true {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != .lf, bytes[lineEnd] != .cr { lineEnd += 1 }
                if let problem = scanLine(end: lineEnd) { return bracketRun.error(limits) ?? problem }
                guard lineEnd < bytes.count else { break }
                var next = lineEnd + 1
                if bytes[lineEnd] == .cr, next < bytes.count, bytes[next] == .lf { next += 1 }
                lineStart = next
                lineNumber += 1
            }
            return bracketRun.error(limits)
        }

        /// `firstProblem` for a document in which only block nesting can
        /// exceed its limit (`onlyNestingCanExceed`): the same lines and
        /// the same error, reading only each line's container prefix.
        mutating func firstNestingProblem() -> MarkdownError? {
            while true {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != .lf, bytes[lineEnd] != .cr { lineEnd += 1 }
                let prefix = containerPrefix(end: lineEnd)
                if let offset = prefix.exceedOffset { return nestingError(depth: prefix.depth, at: offset) }
                guard lineEnd < bytes.count else { return nil }
                var next = lineEnd + 1
                if bytes[lineEnd] == .cr, next < bytes.count, bytes[next] == .lf { next += 1 }
                lineStart = next
                lineNumber += 1
            }
        }

        // MARK: Lines

        private mutating func scanLine(end: Int) -> MarkdownError? {
            let prefix = containerPrefix(end: end)
            if let offset = prefix.exceedOffset { return nestingError(depth: prefix.depth, at: offset) }

            let isBlank = (lineStart..<end).allSatisfy { bytes[$0] == .space || bytes[$0] == .tab || bytes[$0] == .greaterThan }
            if isBlank {
                if let problem = bracketRun.error(limits) { return problem }
                bracketDepth = 0
                bracketRun = BracketRun()
                inTable = false
                previousRow = nil
                return nil
            }

            scanBrackets(from: prefix.contentStart, to: end)

            let row = scanRow(from: prefix.contentStart, to: end)
            defer { previousRow = row }
            if inTable {
                return tableProblem(row)
            }
            if row.isDelimiterRow, let header = previousRow {
                // GFM needs a header line right above the delimiter row; a blank line clears previousRow.
                inTable = true
                return tableProblem(header) ?? tableProblem(row)
            }
            return nil
        }

        /// Counts `>` and list markers at the start of a line; indentation before
        /// the first list marker counts one level per two columns (nested lists).
        private func containerPrefix(end: Int) -> (depth: Int, contentStart: Int, exceedOffset: Int?) {
            var index = lineStart
            var depth = 0
            var sawMarker = false
            var exceedOffset: Int?
            while true {
                var indent = 0
                while index < end, bytes[index] == .space || bytes[index] == .tab {
                    indent += bytes[index] == .tab ? 4 : 1
                    index += 1
                }
                guard index < end else { break }
                let markerEnd: Int
                if bytes[index] == .greaterThan {
                    markerEnd = index + 1
                } else if let listEnd = listMarkerEnd(at: index, end: end) {
                    markerEnd = listEnd
                    if !sawMarker { depth += indent / 2 }
                } else {
                    break
                }
                sawMarker = true
                depth += 1
                if depth > limits.maxNesting, exceedOffset == nil { exceedOffset = index }
                index = markerEnd
            }
            return (depth, index, exceedOffset)
        }

        /// The end of a `-`/`+`/`*` or `1.`/`1)` list marker at `index`, if one is there.
        private func listMarkerEnd(at index: Int, end: Int) -> Int? {
            var markerEnd = index
            switch bytes[index] {
            case .hyphen, .plus, .asterisk:
                markerEnd = index + 1
            case .zero ... .nine:
                while markerEnd < end, markerEnd - index < 9, (.zero ... .nine).contains(bytes[markerEnd]) { markerEnd += 1 }
                guard markerEnd < end, bytes[markerEnd] == .period || bytes[markerEnd] == .rightParen else { return nil }
                markerEnd += 1
            default:
                return nil
            }
            guard markerEnd == end || bytes[markerEnd] == .space || bytes[markerEnd] == .tab else { return nil }
            return markerEnd
        }

        private func nestingError(depth: Int, at offset: Int) -> MarkdownError {
            error(at: offset, "block nesting is \(depth) levels deep (limit \(limits.maxNesting); raise markdown.max_nesting in rapport.yml)")
        }

        // MARK: Brackets

        private mutating func scanBrackets(from start: Int, to end: Int) {
            var index = start
            while index < end {
                switch bytes[index] {
                case .backslash:
                    index += 1
                case .leftBracket:
                    bracketDepth += 1
                    if bracketDepth > limits.maxBracketRun, bracketRun.line == nil {
                        bracketRun.line = lineNumber
                        bracketRun.column = column(at: index)
                    }
                    bracketRun.longest = max(bracketRun.longest, bracketDepth)
                case .rightBracket:
                    bracketDepth = max(0, bracketDepth - 1)
                default:
                    break
                }
                index += 1
            }
        }

        // MARK: Tables

        private func scanRow(from start: Int, to end: Int) -> Row {
            var pipes = 0
            var leadingPipe = false
            var trailingPipe = false
            var sawContent = false
            var hasHyphen = false
            var delimiterOnly = true
            var limitPipeOffset: Int?
            var index = start
            while index < end {
                let byte = bytes[index]
                switch byte {
                case .space, .tab:
                    index += 1
                    continue
                case .pipe:
                    if !sawContent { leadingPipe = true } else { pipes += 1 }
                    if pipes == limits.maxTableColumns, limitPipeOffset == nil { limitPipeOffset = index }
                    trailingPipe = true
                case .hyphen:
                    hasHyphen = true
                    trailingPipe = false
                case .colon:
                    trailingPipe = false
                case .backslash:
                    delimiterOnly = false
                    trailingPipe = false
                    index += 1
                default:
                    delimiterOnly = false
                    trailingPipe = false
                }
                sawContent = true
                index += 1
            }
            // Interior pipes separate cells; a trailing pipe closes the last cell instead of opening one.
            let cells = leadingPipe && pipes == 0 ? 1 : pipes + (trailingPipe ? 0 : 1)
            return Row(
                line: lineNumber,
                lineStart: lineStart,
                cells: cells,
                limitPipeOffset: limitPipeOffset,
                isDelimiterRow: sawContent && delimiterOnly && hasHyphen
            )
        }

        private func tableProblem(_ row: Row) -> MarkdownError? {
            guard row.cells > limits.maxTableColumns else { return nil }
            return MarkdownError(
                line: row.line,
                column: row.limitPipeOffset.map { column(at: $0, lineStart: row.lineStart) },
                message: "table row has \(row.cells) columns (limit \(limits.maxTableColumns); raise markdown.max_table_columns in rapport.yml)"
            )
        }

        // MARK: Locations

        private func error(at offset: Int, _ message: String) -> MarkdownError {
            MarkdownError(line: lineNumber, column: column(at: offset), message: message)
        }

        /// 1-based column in characters of the ASCII byte at `offset`.
        private func column(at offset: Int, lineStart: Int? = nil) -> Int {
            let start = lineStart ?? self.lineStart
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self).count + 1
        }
    }

    /// A table row as the scanner saw it.
    private struct Row {
        var line: Int
        var lineStart: Int
        var cells: Int
        /// The pipe that opens the first column over the limit.
        var limitPipeOffset: Int?
        var isDelimiterRow: Bool
    }

    /// The longest bracket run in the current paragraph and where it first went over the limit.
    private struct BracketRun {
        var longest = 0
        var line: Int?
        var column: Int?

        func error(_ limits: MarkdownLimits) -> MarkdownError? {
            guard let line else { return nil }
            return MarkdownError(
                line: line,
                column: column,
                message: "\(longest) nested or unclosed brackets (limit \(limits.maxBracketRun); raise markdown.max_bracket_run in rapport.yml)"
            )
        }
    }
}

// MARK: - Bytes

extension UInt8 {
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let lf = UInt8(ascii: "\n")
    fileprivate static let cr = UInt8(ascii: "\r")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let asterisk = UInt8(ascii: "*")
    fileprivate static let plus = UInt8(ascii: "+")
    fileprivate static let hyphen = UInt8(ascii: "-")
    fileprivate static let period = UInt8(ascii: ".")
    fileprivate static let rightParen = UInt8(ascii: ")")
    fileprivate static let zero = UInt8(ascii: "0")
    fileprivate static let nine = UInt8(ascii: "9")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let greaterThan = UInt8(ascii: ">")
    fileprivate static let leftBracket = UInt8(ascii: "[")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let rightBracket = UInt8(ascii: "]")
    fileprivate static let pipe = UInt8(ascii: "|")
}
