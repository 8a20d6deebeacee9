import Foundation

/// RFC 2045 quoted-printable encoding of UTF-8 text for mail bodies.
///
/// Quoted-printable keeps mostly-ASCII text readable in the raw message
/// while guaranteeing short, 7-bit lines that every relay passes unchanged.
/// The output is deterministic: the same text always encodes to the same
/// bytes, so rendered messages can be compared and cached.
enum QuotedPrintable {
    /// RFC 2045 §6.7 rule 5: encoded lines are at most 76 characters,
    /// counting the "=" of a soft line break.
    static let maximumLineLength = 76

    /// Encodes `text`, turning each LF or CRLF into a CRLF hard line break.
    ///
    /// Every byte of one Unicode scalar is kept on the same encoded line and
    /// an `=XX` triplet is never cut, so a decoder that works line by line
    /// (or a human reading the raw message) never sees half a character.
    static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `encode`, appended to `output`. Works on the UTF-8 bytes with no
    /// intermediate arrays: a scalar's bytes are found from its lead byte,
    /// and the whole text is written into room made once for the worst case
    /// (every byte escaped, a soft break per 25 triplets, every LF a CRLF).
    /// Splitting into arrays of scalars first was a fifth of the outbox's
    /// CPU, and a buffer per line most of what was left.
    ///
    /// The room is left uninitialized and only what is written is copied
    /// out: zero-filling four times the text's size for every part was a
    /// third of the encoding's time.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(utf8: $0, to: &output) }
    }

    /// `append` for text already in UTF-8 (the email layout's bytes).
    static func append(_ utf8: [UInt8], to output: inout [UInt8]) {
        utf8.withUnsafeBufferPointer { append(utf8: $0, to: &output) }
    }

    private static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let encoded = [UInt8](unsafeUninitializedCapacity: bytes.count * 4 + 8) { buffer, initialized in
            var writer = Writer(buffer: buffer, n: 0)
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                // LF and CRLF encode alike; a lone CR is data (=0D).
                let contentEnd =
                    lineEnd > lineStart && lineEnd < bytes.count && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
                if lineStart > 0 { writer.put(0x0D, 0x0A) }
                writer.encodeLine(bytes, lineStart..<contentEnd)
                if lineEnd == bytes.count { break }
                lineStart = lineEnd + 1
            }
            initialized = writer.n
        }
        output.append(contentsOf: encoded)
    }

    /// Writes encoded bytes into room the caller made.
    private struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var n: Int

        mutating func put(_ first: UInt8, _ second: UInt8) {
            buffer[n] = first
            buffer[n + 1] = second
            n += 2
        }

        mutating func escape(_ byte: UInt8) {
            buffer[n] = UInt8(ascii: "=")
            buffer[n + 1] = hexDigits[Int(byte >> 4)]
            buffer[n + 2] = hexDigits[Int(byte & 0x0F)]
            n += 3
        }

        /// Encodes one hard line, inserting "=" CRLF soft breaks between
        /// whole scalars so no encoded line exceeds ``maximumLineLength``.
        mutating func encodeLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
            var column = 0
            var index = line.lowerBound
            while index < line.upperBound {
                // Most bytes are printable ASCII in mid-line: they stay as they
                // are, with no soft break due and no "From " to look for.
                let byte = bytes[index]
                if column > 0, column < maximumLineLength - 1, index + 1 < line.upperBound, isLiteralSafe(byte, isLastOnLine: false) {
                    buffer[n] = byte
                    n += 1
                    column += 1
                    index += 1
                    continue
                }
                let length = min(scalarLength(bytes[index]), line.upperBound - index)
                let isLastOnLine = index + length == line.upperBound
                let literal = length == 1 && isLiteralSafe(bytes[index], isLastOnLine: isLastOnLine)
                let width = literal ? 1 : 3 * length
                // The last piece needs no room for a trailing "=".
                let limit = isLastOnLine ? maximumLineLength : maximumLineLength - 1
                if column > 0 && column + width > limit {
                    buffer[n] = UInt8(ascii: "=")
                    n += 1
                    put(0x0D, 0x0A)
                    column = 0
                }
                if column == 0 && startsWithFromSpace(bytes, at: index, end: line.upperBound) {
                    escape(bytes[index])
                    column += 3
                } else if literal {
                    buffer[n] = bytes[index]
                    n += 1
                    column += 1
                } else {
                    for offset in 0..<length { escape(bytes[index + offset]) }
                    column += 3 * length
                }
                index += length
            }
        }
    }

    /// Bytes in the UTF-8 sequence a lead byte starts (the text is valid UTF-8).
    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// Printable ASCII except "=" (the escape character) stays literal.
    /// Space and tab stay literal unless they end a line: RFC 2045 rule 3,
    /// because transports strip trailing whitespace.
    private static func isLiteralSafe(_ byte: UInt8, isLastOnLine: Bool) -> Bool {
        switch byte {
        case 0x3D: return false
        case 0x21...0x7E: return true
        case 0x20, 0x09: return !isLastOnLine
        default: return false
        }
    }

    /// "From " at the start of a line is rewritten by mbox-style software as
    /// ">From "; escaping the "F" keeps the body intact through such tools.
    private static func startsWithFromSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard end - index >= 5 else { return false }
        return bytes[index] == 0x46 && bytes[index + 1] == 0x72 && bytes[index + 2] == 0x6F && bytes[index + 3] == 0x6D
            && bytes[index + 4] == 0x20
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
