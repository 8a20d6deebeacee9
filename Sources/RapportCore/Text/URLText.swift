/// Reading URL references as written in HTML and CSS.
enum URLText {
    /// Whether `reference` starts with a scheme (`https:`, `mailto:`,
    /// `javascript:`): RFC 3986, an ASCII letter, then letters, digits,
    /// "+", "-" or ".", then ":". Byte by byte: every link and asset
    /// reference of every print page and email asks.
    static func hasScheme(_ reference: some StringProtocol) -> Bool {
        var isFirst = true
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return !isFirst
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if isFirst { return false }
            default: return false
            }
            isFirst = false
        }
        return false
    }
}
