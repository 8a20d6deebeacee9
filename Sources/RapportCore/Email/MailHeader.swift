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
        // Most fields fit on one line, where folding would change nothing.
        let unfolded = value.isEmpty ? name + ":" : name + ": " + value
        if unfolded.utf8.count <= Self.preferredLineLength { return unfolded + "\r\n" }
        return foldedLines().map { $0 + "\r\n" }.joined()
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

    /// Greedy folding: a line break goes before a whitespace run whenever the
    /// next word would push the line past ``preferredLineLength``. A word
    /// longer than ``maximumLineLength`` is cut as a last resort, which adds
    /// one space to the unfolded value but keeps the message deliverable.
    private func foldedLines() -> [String] {
        var lines: [String] = []
        var line = value.isEmpty ? name + ":" : name + ": "
        var lineHasWord = false
        for chunk in Self.chunks(of: value) {
            let startsWithWhitespace = chunk.unicodeScalars.first.map(Self.isFoldingWhitespace) ?? false
            let isOnlyWhitespace = chunk.unicodeScalars.allSatisfy(Self.isFoldingWhitespace)
            if lineHasWord, startsWithWhitespace, !isOnlyWhitespace,
               line.utf8.count + chunk.utf8.count > Self.preferredLineLength {
                lines.append(line)
                line = ""
            }
            line += chunk
            lineHasWord = true
            while line.utf8.count > Self.maximumLineLength {
                let (head, tail) = Self.split(line, maximumOctets: Self.maximumLineLength)
                lines.append(head)
                line = " " + tail
            }
        }
        lines.append(line)
        return lines
    }

    /// Splits the value into pieces that each start with their leading
    /// whitespace, i.e. the places where a fold may go.
    private static func chunks(of value: String) -> [String] {
        var chunks: [String] = []
        var current = ""
        var inWord = false
        for character in value {
            let isWhitespace = character == " " || character == "\t"
            if isWhitespace && inWord {
                chunks.append(current)
                current = ""
                inWord = false
            }
            if !isWhitespace { inWord = true }
            current.append(character)
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
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
