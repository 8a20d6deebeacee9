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
        // Works on UTF-8 bytes: everything it changes is ASCII, and bytes of
        // other characters (0x80 and up) pass through whole. Going scalar by
        // scalar through a [Unicode.Scalar] was 2% of a build's CPU.
        var line: [UInt8] = []
        line.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            switch byte {
            case 0x0D:
                line.append(0x20)
            case 0x0A:
                if !afterCR { line.append(0x20) }
            default:
                line.append(byte)
            }
            afterCR = byte == 0x0D
        }

        // cmark trims these at paragraph edges (cmark_isspace minus the line endings).
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0B || $0 == 0x0C }
        let contentStart = line.firstIndex { !isBlank($0) } ?? line.endIndex
        let contentEnd = (line.lastIndex { !isBlank($0) }).map { $0 + 1 } ?? contentStart

        var escaped: [UInt8] = []
        escaped.reserveCapacity(line.count + line.count / 4)
        for (index, byte) in line.enumerated() {
            if index < contentStart || index >= contentEnd {
                escaped.append(contentsOf: "&#\(byte);".utf8)
                continue
            }
            switch byte {
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case _ where isASCIIPunctuation(byte):
                escaped.append(UInt8(ascii: "\\"))
                escaped.append(byte)
            default:
                escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    // MARK: - Private

    /// CommonMark's escapable set: `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`.
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}
