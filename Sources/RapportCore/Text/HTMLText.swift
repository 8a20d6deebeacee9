/// Escaping for text merged into HTML element content or quoted attributes.
public enum HTMLText {
    /// `text` with `& < > " '` written as `&amp; &lt; &gt; &quot; &#39;`,
    /// the same references swift-mustache's own HTML escaping writes.
    ///
    /// Works on UTF-8 bytes: every character escaped is ASCII, so no
    /// grapheme breaking is needed, and text without them is returned as is.
    public static func escape(_ text: String) -> String {
        var utf8 = text
        let escaped: String? = utf8.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { needsEscape[Int($0)] }) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: amp)
                case UInt8(ascii: "<"): output.append(contentsOf: lt)
                case UInt8(ascii: ">"): output.append(contentsOf: gt)
                case UInt8(ascii: "\""): output.append(contentsOf: quot)
                case UInt8(ascii: "'"): output.append(contentsOf: apos)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        return escaped ?? text
    }

    private static let needsEscape: [Bool] = (0..<256).map { byte in
        [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(UInt8(byte))
    }
    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&#39;".utf8)
}
