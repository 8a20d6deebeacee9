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
        var escaped: [UInt8] = []
        appendLiteral(text, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text` escaped as `escapeLiteral` does to UTF-8 `output`: the
    /// template engine merges values straight into its page buffer.
    public static func appendLiteral(_ text: String, to escaped: inout [UInt8]) {
        // Works on UTF-8 bytes: everything it changes is ASCII, and bytes of
        // other characters (0x80 and up) pass through whole. Going scalar by
        // scalar through a [Unicode.Scalar] was 2% of a build's CPU; it runs
        // for every merged value, so it allocates nothing of its own.
        var text = text
        text.withUTF8 { source in
            // cmark trims these at paragraph edges (cmark_isspace minus the
            // line endings); CR and LF count too, as they become spaces.
            func isBlank(_ byte: UInt8) -> Bool {
                byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D || byte == 0x0A
            }
            let contentStart = source.firstIndex { !isBlank($0) } ?? source.endIndex
            let contentEnd = (source.lastIndex { !isBlank($0) }).map { $0 + 1 } ?? contentStart
            for index in source.indices {
                var byte = source[index]
                if byte == 0x0D || byte == 0x0A {
                    // CR, LF and CRLF become one space, so a value never starts a new block.
                    if byte == 0x0A, index > 0, source[index - 1] == 0x0D { continue }
                    byte = 0x20
                }
                if index < contentStart || index >= contentEnd {
                    appendDecimalReference(byte, to: &escaped)
                    continue
                }
                switch byte {
                case UInt8(ascii: "&"): escaped.append(contentsOf: ampersand)
                case UInt8(ascii: "<"): escaped.append(contentsOf: lessThan)
                case UInt8(ascii: ">"): escaped.append(contentsOf: greaterThan)
                case UInt8(ascii: "\""): escaped.append(contentsOf: quote)
                case _ where isASCIIPunctuation(byte):
                    escaped.append(UInt8(ascii: "\\"))
                    escaped.append(byte)
                default:
                    escaped.append(byte)
                }
            }
        }
    }

    // MARK: - Private

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)

    /// `&#32;` for a space: the blanks at a value's edges are all below 100.
    private static func appendDecimalReference(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "&"))
        output.append(UInt8(ascii: "#"))
        if byte >= 10 { output.append(UInt8(ascii: "0") + byte / 10) }
        output.append(UInt8(ascii: "0") + byte % 10)
        output.append(UInt8(ascii: ";"))
    }

    /// CommonMark's escapable set: `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`.
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}
