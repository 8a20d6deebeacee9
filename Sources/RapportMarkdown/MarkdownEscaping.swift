/// Makes arbitrary text safe to splice into Markdown so it renders literally.
public enum MarkdownEscaping {
    /// Escapes text so cmark-gfm renders it literally as text, inline.
    ///
    /// A value `*Acme* <b> {{x}}` comes out of `renderHTML` as
    /// `*Acme* &lt;b&gt; {{x}}`: never emphasis, HTML, a heading, list, table
    /// cell split, code, link, footnote or entity. In one pass:
    /// - `&`, `<`, `>`, `"` become `&amp;`, `&lt;`, `&gt;`, `&quot;`;
    /// - every other ASCII punctuation character gets a backslash;
    /// - CR, LF and CRLF become one space, so a value never starts a new block;
    /// - leading and trailing spaces and tabs become `&#32;` / `&#9;` (and
    ///   vertical tab / form feed `&#11;` / `&#12;`), so a value never opens an
    ///   indented code block, is trimmed by the paragraph, or ends a line with
    ///   a hard break.
    ///
    /// Smart punctuation never applies to escaped text (cmark leaves escaped
    /// and entity characters alone), so `"Hi" -- it's...` stays straight.
    /// The GFM autolink extension cannot match escaped `www\.` or `https\:`, so
    /// `www.acme.com` and `https://acme.com` stay plain text. Email addresses
    /// are the one exception, accepted on purpose: the extension finds
    /// `jane@acme.com` in the unescaped text, so it becomes
    /// `<a href="mailto:jane@acme.com">jane@acme.com</a>`. The text is still the
    /// value unchanged and the href can only be `mailto:` plus `[A-Za-z0-9.+-_@]`;
    /// preventing it would take an invisible character that breaks copy and paste.
    public static func escapeLiteral(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                scalars.append(" ")
            case "\n":
                if !afterCR { scalars.append(" ") }
            default:
                scalars.append(scalar)
            }
            afterCR = scalar == "\r"
        }

        // cmark trims these at paragraph edges (cmark_isspace minus the line endings).
        let isBlank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        let contentStart = scalars.firstIndex { !isBlank($0) } ?? scalars.endIndex
        let contentEnd = (scalars.lastIndex { !isBlank($0) }).map { $0 + 1 } ?? contentStart

        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        for (index, scalar) in scalars.enumerated() {
            if index < contentStart || index >= contentEnd {
                escaped += "&#\(scalar.value);"
                continue
            }
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case _ where scalar.isASCII && isASCIIPunctuation(scalar):
                escaped.unicodeScalars.append("\\")
                escaped.unicodeScalars.append(scalar)
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    // MARK: - Private

    /// CommonMark's escapable set: `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`.
    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}
