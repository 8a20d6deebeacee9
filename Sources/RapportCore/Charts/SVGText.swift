/// Writes the text and numbers that go into chart SVG.
enum SVGText {
    /// `text` safe inside XML element content and double-quoted attributes.
    ///
    /// Characters XML 1.0 forbids (most C0 controls) are dropped: a header
    /// pasted from a spreadsheet must not make the page's SVG unparseable.
    static func escape(_ text: String) -> String {
        // Most labels and numbers need nothing: return them as they are.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x26 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E || $0 == 0xEF }) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `value` rounded to one decimal, without a trailing `.0` or a `-0`, so output bytes never depend on float noise.
    static func number(_ value: Double) -> String {
        var svg = SVGBuffer(capacity: 8)
        svg.number(value)
        return svg.string
    }
}
