/// Separates a `---` YAML block from the body of a content file.
enum FrontMatterSplitter {
    struct Split {
        /// YAML text between the fences, or nil when the file has none.
        var yaml: String?
        /// Lines before the YAML text (the opening fence).
        var yamlLineOffset: Int
        var body: String
        var bodyLineOffset: Int
    }

    /// Splits `text`; `unclosed` is the line of an opening fence never closed.
    ///
    /// Lines end at LF or CRLF (a lone CR is text, as it is to Swift's
    /// `Character`), and the YAML and body come back with LF line endings.
    /// Works on UTF-8 bytes: splitting the whole file into `Character` lines
    /// and joining them again was a quarter of the time spent reading notes.
    static func split(_ text: String) -> (Split, unclosedAt: Int?) {
        let bytes = Array(text.utf8)
        let lines = lineRanges(bytes)
        guard isFence(bytes[lines[0]], dots: false) else {
            return (Split(yaml: nil, yamlLineOffset: 0, body: text, bodyLineOffset: 0), nil)
        }
        for index in 1..<lines.count where isFence(bytes[lines[index]], dots: true) {
            let yaml = joined(lines[1..<index], of: bytes)
            let body = joined(lines[(index + 1)...], of: bytes)
            return (Split(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: index + 1), nil)
        }
        return (Split(yaml: nil, yamlLineOffset: 0, body: text, bodyLineOffset: 0), 1)
    }

    /// Each line's bytes without its LF or CRLF; a text ending in a line
    /// break has an empty last line.
    private static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == lineFeed {
            let end = index > start && bytes[index - 1] == carriageReturn ? index - 1 : index
            lines.append(start..<end)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        return lines
    }

    /// `---` (or, closing, `...`), allowing one CR left at the end.
    private static func isFence(_ line: ArraySlice<UInt8>, dots: Bool) -> Bool {
        let content = line.last == carriageReturn ? line.dropLast() : line
        return content.elementsEqual("---".utf8) || (dots && content.elementsEqual("...".utf8))
    }

    private static func joined(_ lines: ArraySlice<Range<Int>>, of bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity((lines.last?.upperBound ?? 0) - (lines.first?.lowerBound ?? 0))
        for (number, range) in zip(lines.indices, lines) {
            if number != lines.startIndex { text.append(lineFeed) }
            text += bytes[range]
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
}
