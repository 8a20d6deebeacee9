/// Text for CSS written into a page by a layout.
enum CSSText {
    /// `text` as a double-quoted CSS string, safe inside `<style>`: quotes,
    /// backslashes, `<` (which could close the element) and control
    /// characters become hex escapes.
    ///
    /// Chromium's `@page` margin boxes cannot use `string()`, so the running
    /// header's customer name reaches them as such a literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<":
                result += "\\\(String(scalar.value, radix: 16)) "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\\(String(scalar.value, radix: 16)) "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
