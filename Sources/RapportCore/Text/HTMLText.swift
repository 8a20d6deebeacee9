/// Escaping for text merged into HTML element content or quoted attributes:
/// rapport's one HTML escaper (layouts, dashboard pages, print pages).
public enum HTMLText {
    /// `text` with `& < > " '` written as `&amp; &lt; &gt; &quot; &#39;`,
    /// the same references swift-mustache's own HTML escaping wrote, so
    /// pages kept their bytes when rapport's own template engine replaced it.
    ///
    /// Works on UTF-8 bytes: every character escaped is ASCII, so no
    /// grapheme breaking is needed, and text without them is returned as is.
    public static func escape(_ text: String) -> String {
        var utf8 = text
        let escaped: String? = utf8.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { replacementIndex[Int($0)] != 0 }) else { return nil }
            var output = TemplateOutput(capacity: bytes.count + 16)
            output.appendHTMLEscaped(bytes)
            return output.string
        }
        return escaped ?? text
    }

    /// For each byte, its index in `replacements`, or 0 when it stays as is.
    static let replacementIndex: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "&"): 1
        case UInt8(ascii: "<"): 2
        case UInt8(ascii: ">"): 3
        case UInt8(ascii: "\""): 4
        case UInt8(ascii: "'"): 5
        default: 0
        }
    }

    static let replacements: [[UInt8]] = [[], Array("&amp;".utf8), Array("&lt;".utf8), Array("&gt;".utf8), Array("&quot;".utf8), Array("&#39;".utf8)]
}
