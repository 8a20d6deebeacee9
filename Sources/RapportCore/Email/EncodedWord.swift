import Foundation

/// RFC 2047 encoding of header text that is not plain ASCII.
///
/// Mail headers must be 7-bit ASCII, so subjects and display names with
/// accents, CJK or emoji are carried as `=?UTF-8?B?...?=` encoded words.
/// Base64 ("B") is used rather than "Q" because it has no special cases
/// for the characters a phrase forbids.
enum EncodedWord {
    /// RFC 2047 §2: an encoded word is at most 75 characters.
    static let maximumWordLength = 75

    /// Separator between encoded words: a fold, which decoders drop
    /// between adjacent encoded words (RFC 2047 §6.2).
    static let separator = "\r\n "

    private static let prefix = "=?UTF-8?B?"
    private static let suffix = "?="

    /// Runs of non-space text longer than this cannot be folded onto a
    /// 78-character line (" " + run), so such text is encoded instead:
    /// encoded words can be split anywhere without changing the text.
    private static let longestFoldableRun = 76

    /// Returns `text` unchanged if it is printable ASCII without "=?" (which
    /// a decoder could mistake for an encoded word) and folds cleanly;
    /// otherwise one or more encoded words joined by ``separator``.
    ///
    /// - Parameter reservingOnFirstLine: characters already on the line before
    ///   the first word (e.g. 9 for "Subject: "), so that line also stays
    ///   within 76 characters.
    static func encode(_ text: String, reservingOnFirstLine: Int = 0) -> String {
        if isSafeAsWritten(text, longestRun: longestFoldableRun) { return text }
        return words(for: text, reservingOnFirstLine: reservingOnFirstLine).joined(separator: separator)
    }

    /// A display name as an RFC 5322 phrase: left bare when it is made of
    /// atoms, quoted when it holds specials (so "Novak, Jana" is not read as
    /// two addresses), and encoded when it is not printable ASCII.
    static func phrase(_ name: String) -> String {
        guard isSafeAsWritten(name, longestRun: .max) else {
            return words(for: name, reservingOnFirstLine: 0).joined(separator: separator)
        }
        let needsQuoting = name.isEmpty || name.unicodeScalars.contains { phraseSpecials.contains($0) }
        guard needsQuoting else { return name }
        var quoted = "\""
        for scalar in name.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { quoted.unicodeScalars.append("\\") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// RFC 5322 §3.2.3 specials; any of them ends an atom.
    private static let phraseSpecials: Set<Unicode.Scalar> = [
        "(", ")", "<", ">", "[", "]", ":", ";", "@", "\\", ",", ".", "\"",
    ]

    /// Printable ASCII without "=?" and without a run of more than
    /// `longestRun` characters between spaces. One pass over the bytes:
    /// every message's subject and names are checked.
    private static func isSafeAsWritten(_ text: String, longestRun: Int) -> Bool {
        var run = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            guard (0x20...0x7E).contains(byte), !(previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?")) else { return false }
            run = byte == UInt8(ascii: " ") ? 0 : run + 1
            if run > longestRun { return false }
            previous = byte
        }
        return true
    }

    /// Splits `text` into encoded words, cutting only between Characters so
    /// no word ends inside a grapheme such as an emoji with a skin tone.
    /// A single Character too large for one word (a long ZWJ sequence) is
    /// cut between its scalars, the smallest unit UTF-8 can decode alone.
    private static func words(for text: String, reservingOnFirstLine: Int) -> [String] {
        let fullBudget = payloadBytes(forWordLength: maximumWordLength)
        var budget = payloadBytes(forWordLength: maximumWordLength - max(0, reservingOnFirstLine))
        var chunks: [[UInt8]] = []
        var current: [UInt8] = []

        func closeWord() {
            chunks.append(current)
            current = []
            budget = fullBudget
        }

        for character in text {
            let bytes = Array(String(character).utf8)
            if current.count + bytes.count <= budget {
                current += bytes
                continue
            }
            if !current.isEmpty { closeWord() }
            if bytes.count <= budget {
                current = bytes
                continue
            }
            for scalar in character.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                if current.count + scalarBytes.count > budget { closeWord() }
                current += scalarBytes
            }
        }
        if !current.isEmpty || chunks.isEmpty { chunks.append(current) }
        return chunks.map { prefix + Data($0).base64EncodedString() + suffix }
    }

    /// How many UTF-8 bytes fit in a word of `length` characters: base64
    /// turns each 3 bytes into 4 characters. Never less than 12 bytes, so a
    /// 4-byte scalar always fits even when a caller reserves too much.
    private static func payloadBytes(forWordLength length: Int) -> Int {
        let base64Characters = length - prefix.utf8.count - suffix.utf8.count
        return max(12, base64Characters / 4 * 3)
    }
}
