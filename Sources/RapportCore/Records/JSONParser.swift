// Why a JSON parser of our own: Foundation's JSONSerialization on Linux
// reports errors without a line or column and turns `1.50` into the Double
// 1.5 and `true` into a Bool before we can see the text. JSON's grammar is
// small, so a strict parser over the UTF-8 bytes is short, gives the exact
// line and column of every value and every error, and keeps numbers and
// literals as written, which is what rapport needs.

/// A strict RFC 8259 parser over UTF-8 bytes that records where every value starts.
struct JSONParser {
    struct SyntaxError: Error {
        var message: String
        var position: TextPositionTracker.Position
    }

    /// Deeper nesting is refused rather than risking the stack on hostile input.
    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset: Int
    private var tracker: TextPositionTracker

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.bytes = bytes
        self.offset = start
        self.tracker = TextPositionTracker(bytes: bytes, start: start)
    }

    /// Parses the one value the document holds; only whitespace may follow it.
    mutating func parseDocument() throws(SyntaxError) -> JSONValue {
        var value: JSONValue?
        try readDocument { parser throws(SyntaxError) in value = try parser.parseValue(depth: 1) }
        return value!
    }

    /// Reads the one value the document holds through `root`, which must
    /// read exactly one value; only whitespace may follow it.
    mutating func readDocument(_ root: (inout JSONParser) throws(SyntaxError) -> Void) throws(SyntaxError) {
        skipWhitespace()
        guard offset < bytes.count else { throw error("the file is empty: expected a JSON array") }
        try root(&self)
        skipWhitespace()
        guard offset == bytes.count else { throw error("unexpected text after the end of the JSON value") }
    }

    /// Whether the next value is an object (`{`).
    var atObject: Bool { offset < bytes.count && bytes[offset] == UInt8(ascii: "{") }

    /// Whether the next value is an array (`[`).
    var atArray: Bool { offset < bytes.count && bytes[offset] == UInt8(ascii: "[") }

    /// An error at the next value, for readers that refuse what they find there.
    mutating func refuse(_ message: String) -> SyntaxError {
        error(message)
    }

    /// The string at the current position; nil, with the value read and
    /// dropped, when the next value is something else.
    mutating func readString(depth: Int) throws(SyntaxError) -> String? {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            _ = try parseValue(depth: depth)
            return nil
        }
        return try parseString()
    }

    /// Reads the value at the current position and returns where its bytes
    /// lie, for a reader that hands them to a decoder of their own.
    mutating func readRawValue(depth: Int) throws(SyntaxError) -> Range<Int> {
        let start = offset
        _ = try parseValue(depth: depth)
        return start..<offset
    }

    // MARK: - Values

    /// Parses the value at the current position, `depth` levels deep.
    mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
        guard offset < bytes.count else { throw error("unexpected end of file: expected a value") }
        let position = tracker.position(of: offset)
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            return JSONValue(kind: .object(try parseObject(depth: depth)), position: position)
        case UInt8(ascii: "["):
            return JSONValue(kind: .array(try parseArray(depth: depth)), position: position)
        case UInt8(ascii: "\""):
            return JSONValue(kind: .string(try parseString()), position: position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(kind: .number(try parseNumber()), position: position)
        default:
            let word = readWord()
            switch word {
            case "true", "false": return JSONValue(kind: .bool(word), position: position)
            case "null": return JSONValue(kind: .null, position: position)
            default: throw unexpected(word, at: position)
            }
        }
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> [JSONValue.Member] {
        var members: [JSONValue.Member] = []
        try readObject(depth: depth) { parser, key, keyPosition throws(SyntaxError) in
            members.append(JSONValue.Member(key: key, keyPosition: keyPosition, value: try parser.parseValue(depth: depth + 1)))
        }
        return members
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> [JSONValue] {
        var elements: [JSONValue] = []
        try readArray(depth: depth) { parser throws(SyntaxError) in elements.append(try parser.parseValue(depth: depth + 1)) }
        return elements
    }

    /// Reads the object at the current position (`atObject`) member by
    /// member, without keeping them: `member` gets each key and must read
    /// its value, `depth + 1` levels deep. A large file can so be read a
    /// piece at a time instead of as one tree.
    mutating func readObject(
        depth: Int, _ member: (inout JSONParser, String, TextPositionTracker.Position) throws(SyntaxError) -> Void
    ) throws(SyntaxError) {
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        offset += 1
        var count = 0
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "}"), count > 0 {
                    throw error("trailing comma before \"}\"")
                }
                throw expected("a key in double quotes")
            }
            let keyPosition = tracker.position(of: offset)
            let key = try parseString()
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw expected("\":\" after the key \"\(key)\"")
            }
            offset += 1
            skipWhitespace()
            try member(&self, key, keyPosition)
            count += 1
            skipWhitespace()
            guard offset < bytes.count else { throw error("unexpected end of file: the object is never closed") }
            switch bytes[offset] {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"): offset += 1; return
            default: throw expected("\",\" or \"}\" after a value in an object")
            }
        }
    }

    /// Reads the array at the current position (`atArray`) element by
    /// element, without keeping them: `element` must read each one,
    /// `depth + 1` levels deep.
    mutating func readArray(depth: Int, _ element: (inout JSONParser) throws(SyntaxError) -> Void) throws(SyntaxError) {
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        offset += 1
        var count = 0
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return
        }
        while true {
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]"), count > 0 {
                throw error("trailing comma before \"]\"")
            }
            try element(&self)
            count += 1
            skipWhitespace()
            guard offset < bytes.count else { throw error("unexpected end of file: the array is never closed") }
            switch bytes[offset] {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"): offset += 1; return
            default: throw expected("\",\" or \"]\" after an array element")
            }
        }
    }

    // MARK: - Scalars

    private mutating func parseString() throws(SyntaxError) -> String {
        let openingQuote = offset
        offset += 1
        var segmentStart = offset
        var decoded: [UInt8] = []
        var hasEscapes = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<offset])
                offset += 1
                guard hasEscapes else { return String(decoding: segment, as: UTF8.self) }
                decoded.append(contentsOf: segment)
                return String(decoding: decoded, as: UTF8.self)
            }
            if byte < 0x20 {
                throw error("control character in a string; write it as an escape such as \\n or \\t")
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<offset]))
                try parseEscape(into: &decoded)
                segmentStart = offset
                continue
            }
            offset += 1
        }
        throw SyntaxError(
            message: "unterminated string: the quote opened here is never closed",
            position: tracker.position(of: openingQuote))
    }

    private mutating func parseEscape(into decoded: inout [UInt8]) throws(SyntaxError) {
        guard offset + 1 < bytes.count else { throw error("unexpected end of file in a string escape") }
        let escaped = bytes[offset + 1]
        let simple: UInt8? = switch escaped {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            decoded.append(simple)
            offset += 2
            return
        }
        guard escaped == UInt8(ascii: "u") else {
            throw error("invalid escape \"\\\(Character(Unicode.Scalar(escaped)))\" in a string")
        }
        let escapeStart = offset
        var scalarValue = try parseHexQuad()
        if (0xD800...0xDBFF).contains(scalarValue) {
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            else { throw SyntaxError(message: "unpaired UTF-16 surrogate in \\u escape", position: tracker.position(of: escapeStart)) }
            let low = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw SyntaxError(message: "unpaired UTF-16 surrogate in \\u escape", position: tracker.position(of: escapeStart))
            }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw SyntaxError(message: "unpaired UTF-16 surrogate in \\u escape", position: tracker.position(of: escapeStart))
        }
        decoded.append(contentsOf: String(scalar).utf8)
    }

    /// Reads `\uXXXX` at `offset` and returns its value.
    private mutating func parseHexQuad() throws(SyntaxError) -> UInt32 {
        let start = offset
        offset += 2
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard offset < bytes.count, let digit = Self.hexValue(bytes[offset]) else {
                throw SyntaxError(
                    message: "invalid \\u escape: expected four hex digits", position: tracker.position(of: start))
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    /// Checks the number grammar (`-? int frac? exp?`) and returns the text as written.
    private mutating func parseNumber() throws(SyntaxError) -> String {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, Self.isDigit(bytes[offset]) else { throw invalidNumber(from: start) }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, Self.isDigit(bytes[offset]) { throw invalidNumber(from: start) }
        } else {
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, Self.isDigit(bytes[offset]) else { throw invalidNumber(from: start) }
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard offset < bytes.count, Self.isDigit(bytes[offset]) else { throw invalidNumber(from: start) }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    private mutating func invalidNumber(from start: Int) -> SyntaxError {
        offset = start
        let text = readWord()
        return SyntaxError(message: "invalid number \"\(text)\"", position: tracker.position(of: start))
    }

    // MARK: - Helpers

    /// Reads a run of letters, digits and number punctuation, to quote in messages and to match literals.
    private mutating func readWord() -> String {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            let isWordByte = byte >= 0x80 || Self.isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            guard isWordByte else { break }
            offset += 1
        }
        if offset == start, offset < bytes.count { offset += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): offset += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while offset < bytes.count, Self.isDigit(bytes[offset]) { offset += 1 }
    }

    private mutating func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, position: tracker.position(of: min(offset, bytes.count)))
    }

    private mutating func expected(_ what: String) -> SyntaxError {
        guard offset < bytes.count else { return error("unexpected end of file: expected \(what)") }
        let position = tracker.position(of: offset)
        // Quoting a lone `"` as `"""` would be unreadable.
        let found = bytes[offset] == UInt8(ascii: "\"") ? "a string" : "\"\(readWord())\""
        return SyntaxError(message: "expected \(what), found \(found)", position: position)
    }

    private func unexpected(_ word: String, at position: TextPositionTracker.Position) -> SyntaxError {
        if word.first?.isLetter == true {
            return SyntaxError(
                message: "unexpected \"\(word)\": text must be in double quotes; literals are true, false and null",
                position: position)
        }
        return SyntaxError(message: "unexpected \"\(word)\"", position: position)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
