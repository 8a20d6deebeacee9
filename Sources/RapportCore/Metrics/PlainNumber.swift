/// Parses the plain numbers `metrics.csv` holds: `1234.5`, `-3`, `+7`, `.5`.
///
/// No thousands separators, decimal commas, exponents, `%` or currency:
/// `1,234` could be one thousand or 1.234 depending on who exported it, so
/// rather than guess, such cells are reported and left as gaps.
enum PlainNumber {
    /// The value of `text` (already trimmed), or `nil` when it is not a plain number.
    static func parse(_ text: String) -> Double? {
        var digitsBefore = 0
        var digitsAfter = 0
        var seenPoint = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == 0 else { return nil }
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            default:
                return nil
            }
        }
        guard digitsBefore + digitsAfter > 0, !seenPoint || digitsAfter > 0,
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// Whether `text` looks like a number written with grouping or a decimal comma (`1,234`, `1.234,5`, `1 234`).
    static func looksFormatted(_ text: String) -> Bool {
        let separators: Set<Character> = [",", ".", " ", "'", "\u{00A0}", "\u{202F}", "\u{2019}"]
        var sawDigit = false
        var sawSeparator = false
        for (index, character) in text.enumerated() {
            if character.isASCII && character.isNumber {
                sawDigit = true
            } else if separators.contains(character) {
                sawSeparator = true
            } else if !(index == 0 && (character == "-" || character == "+" || character == "\u{2212}")) {
                return false
            }
        }
        return sawDigit && sawSeparator
    }
}
