import Foundation

/// One header field, written as folded lines ending in CRLF.
///
/// The value is forced onto one logical line when the field is created, so
/// no caller can start a new header by smuggling CR or LF into a value.
struct MailHeaderField: Sendable, Hashable {
    /// RFC 5322 §2.1.1: lines SHOULD be at most 78 characters …
    static let preferredLineLength = 78
    /// … and MUST be at most 998 octets, excluding CRLF.
    static let maximumLineLength = 998

    let name: String
    /// The unfolded value: no CR or LF anywhere.
    let value: String

    /// - Precondition: `name` is a valid field name (printable ASCII, no
    ///   colon). Names are constants in this module, never input data.
    init(name: String, value: String) {
        precondition(Self.isValidName(name), "invalid header field name: \(name)")
        self.name = name
        self.value = Self.singleLine(value)
    }

    /// The field as it goes on the wire: "Name: value", folded, each line
    /// terminated by CRLF.
    var rendered: String {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``rendered`` to a message being written.
    func append(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: name.utf8)
        guard !value.isEmpty else {
            bytes.append(contentsOf: ":\r\n".utf8)
            return
        }
        bytes.append(contentsOf: ": ".utf8)
        let prefixLength = name.utf8.count + 2
        var value = value
        value.withUTF8 { value in
            // Most fields fit on one line, where folding would change nothing.
            if prefixLength + value.count <= Self.preferredLineLength {
                bytes.append(contentsOf: value)
            } else {
                Self.fold(value, lineStart: bytes.count - prefixLength, into: &bytes)
            }
        }
        bytes.append(contentsOf: "\r\n".utf8)
    }

    /// Unfolds `text` (RFC 5322 §2.2.3: a CRLF directly before a space or
    /// tab is removed) and replaces any other CR, LF or CRLF with one space.
    /// Unfolding first means pre-folded text, such as a list of encoded
    /// words, keeps its single separating space instead of gaining extra ones.
    static func singleLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "\r" || scalar == "\n" else {
                result.append(scalar)
                index += 1
                continue
            }
            var next = index + 1
            if scalar == "\r", next < scalars.count, scalars[next] == "\n" { next += 1 }
            let isFold = next < scalars.count && isFoldingWhitespace(scalars[next])
            if !isFold { result.append(" ") }
            index = next
        }
        return String(result)
    }

    /// Greedy folding: a line break goes before a run of spaces and tabs
    /// whenever the next word would push the line past
    /// ``preferredLineLength``. A word longer than ``maximumLineLength`` is
    /// cut as a last resort, which adds one space to the unfolded value but
    /// keeps the message deliverable. Byte by byte: spaces and tabs are
    /// ASCII, and a line always ends before one, so never inside a character.
    private static func fold(_ value: UnsafeBufferPointer<UInt8>, lineStart: Int, into bytes: inout [UInt8]) {
        func isFoldingWhitespace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var lineStart = lineStart
        var lineHasWord = false
        var chunkStart = 0
        while chunkStart < value.count {
            // A chunk: its leading whitespace, then a word.
            var wordStart = chunkStart
            while wordStart < value.count, isFoldingWhitespace(value[wordStart]) { wordStart += 1 }
            var chunkEnd = wordStart
            while chunkEnd < value.count, !isFoldingWhitespace(value[chunkEnd]) { chunkEnd += 1 }
            let startsWithWhitespace = wordStart > chunkStart
            let isOnlyWhitespace = wordStart == chunkEnd
            if lineHasWord, startsWithWhitespace, !isOnlyWhitespace,
                bytes.count - lineStart + (chunkEnd - chunkStart) > preferredLineLength
            {
                bytes.append(contentsOf: "\r\n".utf8)
                lineStart = bytes.count
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[chunkStart..<chunkEnd]))
            lineHasWord = true
            while bytes.count - lineStart > maximumLineLength {
                let line = String(decoding: bytes[lineStart...], as: UTF8.self)
                let (head, tail) = split(line, maximumOctets: maximumLineLength)
                bytes.removeSubrange(lineStart...)
                bytes.append(contentsOf: head.utf8)
                bytes.append(contentsOf: "\r\n".utf8)
                lineStart = bytes.count
                bytes.append(UInt8(ascii: " "))
                bytes.append(contentsOf: tail.utf8)
            }
            chunkStart = chunkEnd
        }
    }

    /// Cuts at the last Character boundary within `maximumOctets` bytes, so
    /// a non-ASCII character is never split.
    private static func split(_ line: String, maximumOctets: Int) -> (String, String) {
        var head = ""
        var octets = 0
        var index = line.startIndex
        while index < line.endIndex {
            let size = line[index].utf8.count
            if octets + size > maximumOctets && !head.isEmpty { break }
            head.append(line[index])
            octets += size
            index = line.index(after: index)
        }
        return (head, String(line[index...]))
    }

    private static func isFoldingWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }

    /// RFC 5322 §3.6.8: printable ASCII except colon.
    private static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && $0 != ":" }
    }
}
