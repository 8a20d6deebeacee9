// Why this reader is hand-written: the two CSV libraries available to the
// build, swiftcsv/SwiftCSV 0.10.0 and yaslab/CSV.swift 2.5.2, report neither
// the line nor the column of a row or a field. SwiftCSV stops at the first
// malformed quote with a message and no position; CSV.swift throws
// `CSVError.invalidCSVFormat`/`.unicodeDecoding` without one either, and both
// walk `Character`s or `UnicodeScalar`s, which is slower than needed for
// 100,000-row exports. rapport must report every bad row as `path:line:col`,
// where a quoted field with newlines moves later rows down, so this reader
// walks the UTF-8 bytes once and records each row's first line and each
// field's line and column as it goes. RFC 4180 is small enough that this is
// less code than adapting either library.

/// Reads RFC 4180 CSV from UTF-8 bytes, row by row, with the position of every field.
///
/// Quoted fields may hold delimiters, doubled quotes and newlines; rows end in
/// LF or CRLF. A quote inside an unquoted field is kept as text (`5" screen`),
/// as spreadsheets write it. Lines with no bytes at all are skipped wherever
/// they are. The bytes must outlive the reader.
struct CSVReader {
    struct Field {
        /// The field's text with quotes removed and doubled quotes undone.
        var value: String
        /// Where the field starts (its opening quote, if quoted).
        var position: TextPositionTracker.Position
    }

    struct Row {
        var position = TextPositionTracker.Position(line: 0, column: 0)
        var fields: [Field] = []
        /// Malformed quoting, with where it is; such a row's field count is not meaningful.
        var problems: [(message: String, position: TextPositionTracker.Position)] = []
        var hasUnterminatedQuote = false
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    /// Where the next row (or the blank lines before it) starts.
    private(set) var offset: Int
    private var tracker: TextPositionTracker
    private var scratch: [UInt8] = []

    /// A reader whose first row starts at `start`, on line `line`.
    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, delimiter: UInt8, line: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.offset = start
        self.tracker = TextPositionTracker(bytes: bytes, start: start, line: line)
    }

    /// The line of the byte at `target`, not before any position asked for.
    mutating func line(at target: Int) -> Int {
        tracker.position(of: target).line
    }

    /// Reads the next row into `row` (reusing its storage); `false` when no rows are left.
    mutating func readRow(into row: inout Row) -> Bool {
        skipBlankLines()
        guard offset < bytes.count else { return false }
        row.fields.removeAll(keepingCapacity: true)
        row.problems.removeAll()
        row.hasUnterminatedQuote = false
        row.position = tracker.position(of: offset)
        while true {
            let field = bytes[offset] == Self.quote
                ? readQuotedField(into: &row)
                : readUnquotedField()
            row.fields.append(field)
            guard offset < bytes.count else { return true }
            if bytes[offset] == delimiter {
                offset += 1
                if offset == bytes.count {
                    // `a,b,` at the very end of the file still has a third, empty field.
                    row.fields.append(Field(value: "", position: tracker.position(of: offset)))
                    return true
                }
                continue
            }
            offset += 1  // the `\n` ending the row
            return true
        }
    }

    /// The delimiter seen most often on the header line outside quotes; comma wins ties and when none is seen.
    static func detectDelimiter(in bytes: UnsafeBufferPointer<UInt8>, start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
        var index = start
        while index < bytes.count, bytes[index] == newline || bytes[index] == carriageReturn { index += 1 }
        var inQuotes = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == newline { break }
                if counts[byte] != nil { counts[byte, default: 0] += 1 }
            }
            index += 1
        }
        return [semicolon, tab].reduce(comma) { best, candidate in
            counts[candidate, default: 0] > counts[best, default: 0] ? candidate : best
        }
    }

    // MARK: - Fields

    private mutating func readUnquotedField() -> Field {
        let start = offset
        let position = tracker.position(of: start)
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == delimiter || byte == Self.newline { break }
            offset += 1
        }
        var end = offset
        if end > start, bytes[end - 1] == Self.carriageReturn, end < bytes.count, bytes[end] == Self.newline {
            end -= 1
        }
        return Field(value: string(start..<end), position: position)
    }

    private mutating func readQuotedField(into row: inout Row) -> Field {
        let openingQuote = offset
        let position = tracker.position(of: openingQuote)
        scratch.removeAll(keepingCapacity: true)
        offset += 1
        var segmentStart = offset
        var closed = false
        while offset < bytes.count {
            guard bytes[offset] == Self.quote else {
                offset += 1
                continue
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<offset]))
            if offset + 1 < bytes.count, bytes[offset + 1] == Self.quote {
                scratch.append(Self.quote)
                offset += 2
                segmentStart = offset
                continue
            }
            offset += 1
            closed = true
            break
        }
        guard closed else {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<bytes.count]))
            row.hasUnterminatedQuote = true
            row.problems.append(("unterminated quoted field: the quote opened here is never closed", position))
            return Field(value: String(decoding: scratch, as: UTF8.self), position: position)
        }
        if offset + 1 < bytes.count, bytes[offset] == Self.carriageReturn, bytes[offset + 1] == Self.newline {
            offset += 1
        }
        if offset < bytes.count, bytes[offset] != delimiter, bytes[offset] != Self.newline {
            // `"5" screen`: keep the text so the row's fields still line up, but it is almost certainly a mistake.
            row.problems.append((
                "text after the closing quote of a field; quote the whole field and double any \" inside it",
                tracker.position(of: offset)
            ))
            let rest = readUnquotedField()
            scratch.append(contentsOf: rest.value.utf8)
        }
        return Field(value: String(decoding: scratch, as: UTF8.self), position: position)
    }

    private mutating func skipBlankLines() {
        while offset < bytes.count {
            if bytes[offset] == Self.newline {
                offset += 1
            } else if bytes[offset] == Self.carriageReturn, offset + 1 < bytes.count, bytes[offset + 1] == Self.newline {
                offset += 2
            } else {
                return
            }
        }
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: - Bytes

    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let tab = UInt8(ascii: "\t")
}
