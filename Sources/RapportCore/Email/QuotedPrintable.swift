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
        for (index, line) in hardLines(of: text).enumerated() {
            if index > 0 { output += [0x0D, 0x0A] }
            appendEncoded(line, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Splits at LF, dropping a CR directly before it, so LF and CRLF input
    /// encode identically. A lone CR is data and gets encoded as `=0D`.
    private static func hardLines(of text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if lines[lines.count - 1].last == "\r" { lines[lines.count - 1].removeLast() }
                lines.append([])
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        return lines
    }

    /// Encodes one hard line, inserting "=" CRLF soft breaks between whole
    /// scalars so no encoded line exceeds ``maximumLineLength``.
    private static func appendEncoded(_ line: [Unicode.Scalar], to output: inout [UInt8]) {
        var column = 0
        for index in line.indices {
            let isLastOnLine = index == line.count - 1
            var piece = encoded(line[index], isLastOnLine: isLastOnLine)
            // The last piece needs no room for a trailing "=".
            let limit = isLastOnLine ? maximumLineLength : maximumLineLength - 1
            if column > 0 && column + piece.count > limit {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                column = 0
            }
            if column == 0 && startsWithFromSpace(line, at: index) {
                piece = hexEscaped(UInt8(ascii: "F"))
            }
            output += piece
            column += piece.count
        }
    }

    /// The encoded form of one scalar: itself if it is safe as a literal,
    /// otherwise `=XX` for each of its UTF-8 bytes.
    private static func encoded(_ scalar: Unicode.Scalar, isLastOnLine: Bool) -> [UInt8] {
        if isLiteralSafe(scalar, isLastOnLine: isLastOnLine) {
            return [UInt8(truncatingIfNeeded: scalar.value)]
        }
        return Array(String(scalar).utf8).flatMap(hexEscaped)
    }

    /// Printable ASCII except "=" (the escape character) stays literal.
    /// Space and tab stay literal unless they end a line: RFC 2045 rule 3,
    /// because transports strip trailing whitespace.
    private static func isLiteralSafe(_ scalar: Unicode.Scalar, isLastOnLine: Bool) -> Bool {
        switch scalar.value {
        case 0x3D: return false
        case 0x21...0x7E: return true
        case 0x20, 0x09: return !isLastOnLine
        default: return false
        }
    }

    /// "From " at the start of a line is rewritten by mbox-style software as
    /// ">From "; escaping the "F" keeps the body intact through such tools.
    private static func startsWithFromSpace(_ line: [Unicode.Scalar], at index: Int) -> Bool {
        let marker: [Unicode.Scalar] = ["F", "r", "o", "m", " "]
        return line[index...].starts(with: marker)
    }

    private static func hexEscaped(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
