import Testing
import TestSupport

@testable import RapportMarkdown

@Suite struct MarkdownEscapingTests {
    private static let plain = MarkdownOptions(smartPunctuation: false)

    /// What `renderHTML(escapeLiteral(s))` must be: one paragraph holding `s`
    /// with each line ending turned into a space, NUL into U+FFFD (cmark's
    /// rule), and `&<>"` escaped as cmark escapes text. Nothing is trimmed.
    private func expectedHTML(_ text: String) -> String {
        var body = ""
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\r": body += " "
            case "\n": if !afterCR { body += " " }
            case "\0": body += "\u{FFFD}"
            case "&": body += "&amp;"
            case "<": body += "&lt;"
            case ">": body += "&gt;"
            case "\"": body += "&quot;"
            default: body.unicodeScalars.append(scalar)
            }
        }
        return body.isEmpty ? "" : "<p>\(body)</p>\n"
    }

    /// True when GFM's email autolinker could fire: `@` between an address character and an alphanumeric.
    private func mayContainEmail(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let addressCharacter: (Unicode.Scalar) -> Bool = {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || ".+-_".unicodeScalars.contains($0))
        }
        return scalars.indices.contains { index in
            scalars[index] == "@" && index > 0 && index + 1 < scalars.count
                && addressCharacter(scalars[index - 1]) && addressCharacter(scalars[index + 1])
        }
    }

    /// The scalar-by-scalar escaper `escapeLiteral` replaced (it now works
    /// on UTF-8 bytes); both must give the same text for any input.
    private static func scalarEscape(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": scalars.append(" ")
            case "\n": if !afterCR { scalars.append(" ") }
            default: scalars.append(scalar)
            }
            afterCR = scalar == "\r"
        }
        let isBlank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        let contentStart = scalars.firstIndex { !isBlank($0) } ?? scalars.endIndex
        let contentEnd = (scalars.lastIndex { !isBlank($0) }).map { $0 + 1 } ?? contentStart
        var escaped = ""
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
            case _ where scalar.isASCII && (0x21...0x2F ~= scalar.value || 0x3A...0x40 ~= scalar.value || 0x5B...0x60 ~= scalar.value || 0x7B...0x7E ~= scalar.value):
                escaped.unicodeScalars.append("\\")
                escaped.unicodeScalars.append(scalar)
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    @Test func byteEscapingMatchesScalarEscapingOnRandomText() {
        let pieces: [String] = [
            " ", "\t", "\u{0B}", "\u{0C}", "\r", "\n", "\r\n", "a", "Z", "7", "*", "&", "<", ">", "\"", "\\", "`", "~", "é", "e\u{301}",
            "日本", "👩🏽‍💻", "\u{00A0}", "\u{2028}", "\0", "[x](y)", "www.acme.com", "jane@acme.com",
        ]
        var generator = SeededGenerator(seed: 20261127)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...12, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(MarkdownEscaping.escapeLiteral(text) == Self.scalarEscape(text), "\(text.debugDescription)")
        }
    }

    // MARK: - Exact escapes

    @Test func escapesTheDesignExample() throws {
        let escaped = MarkdownEscaping.escapeLiteral("*Acme* <b> {{x}}")
        #expect(escaped == "\\*Acme\\* &lt;b&gt; \\{\\{x\\}\\}")
        #expect(try MarkdownRenderer.renderHTML(escaped) == "<p>*Acme* &lt;b&gt; {{x}}</p>\n")
    }

    @Test func escapesEveryASCIIPunctuationCharacter() {
        #expect(
            MarkdownEscaping.escapeLiteral(##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##)
                == ##"\!&quot;\#\$\%&amp;\'\(\)\*\+\,\-\.\/\:\;&lt;\=&gt;\?\@\[\\\]\^\_\`\{\|\}\~"##)
    }

    @Test func lineEndingsBecomeSpacesAndEdgeWhitespaceBecomesEntities() {
        #expect(MarkdownEscaping.escapeLiteral("  a\r\nb\rc\nd\t") == "&#32;&#32;a b c d&#9;")
        #expect(MarkdownEscaping.escapeLiteral("\n\tx  y \u{0C}") == "&#32;&#9;x  y&#32;&#12;")
        #expect(MarkdownEscaping.escapeLiteral("\r\n\r\n") == "&#32;&#32;")
        #expect(MarkdownEscaping.escapeLiteral("") == "")
    }

    @Test func leavesLettersDigitsAndNonASCIIAlone() {
        #expect(MarkdownEscaping.escapeLiteral("Zoë 42 👍🏽 日本 \u{00A0}") == "Zoë 42 👍🏽 日本 \u{00A0}")
    }

    // MARK: - Rendering escaped values in context

    @Test func escapedValueStaysInsideItsTableCell() throws {
        let value = MarkdownEscaping.escapeLiteral("a|b \\| *c*\n- d")
        let html = try MarkdownRenderer.renderHTML("| Name | Plan |\n|---|---|\n| \(value) | pro |\n", options: Self.plain)
        #expect(html.contains("<td>a|b \\| *c* - d</td>\n<td>pro</td>"))
    }

    @Test func escapedValueStaysInsideItsHeading() throws {
        let value = MarkdownEscaping.escapeLiteral("Acme ##\n===")
        #expect(try MarkdownRenderer.renderHTML("## Hello \(value)\n", options: Self.plain) == "<h2>Hello Acme ## ===</h2>\n")
    }

    @Test func escapedValueAtLineEndNeverMakesAHardBreak() throws {
        let value = MarkdownEscaping.escapeLiteral("Acme  ")
        #expect(try MarkdownRenderer.renderHTML("Dear \(value)\nthanks", options: Self.plain) == "<p>Dear Acme  \nthanks</p>\n")
    }

    @Test func smartPunctuationDoesNotTouchEscapedText() throws {
        let value = "\"Hi\" -- it's --- fine..."
        #expect(
            try MarkdownRenderer.renderHTML(MarkdownEscaping.escapeLiteral(value))
                == "<p>&quot;Hi&quot; -- it's --- fine...</p>\n")
    }

    @Test func urlsStayTextButEmailAddressesStillAutolink() throws {
        let value = MarkdownEscaping.escapeLiteral("www.acme.com https://acme.com/x jane@acme.com")
        #expect(
            try MarkdownRenderer.renderHTML(value)
                == "<p>www.acme.com https://acme.com/x <a href=\"mailto:jane@acme.com\">jane@acme.com</a></p>\n")
    }

    @Test func unsafeModeStillRendersEscapedHTMLAsText() throws {
        let value = MarkdownEscaping.escapeLiteral("<script>alert(1)</script> [x](javascript:y)")
        #expect(
            try MarkdownRenderer.renderHTML(value, options: .init(allowUnsafeHTML: true, smartPunctuation: false))
                == "<p>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:y)</p>\n")
    }

    // MARK: - Property

    private static let nastyValues = [
        "*Acme* <b> {{x}}", "# heading", "## Acme ##", "    indented code", "\tcode", "- item", "* item", "+ item",
        "1. item", "1986. A great year", "1) item", "> quote", "---", "***", "___", "===", "a\n===", "a\n---",
        "| a | b |", "a | b", "|---|", "```swift", "~~~", "`code`", "``", "[link](http://x)", "![img](x.png)",
        "[ref]", "[ref]: /url", "[^1]", "[^1]: note", "<https://x.org>", "<mailto:a>", "&amp;", "&#65;", "&copy",
        "&#x41;", "\\", "trailing\\", "\\*", "a  ", "  a", "a\n\nb", "a\r\nb", "a\rb", "\n", "\r", "\r\n\r\n",
        " ", "\t", " \t ", "<!-- c -->", "<script>alert(1)</script>", "<div>", "</p>", "~~strike~~", "~one~",
        "- [ ] task", "- [x] done", "_u_", "__b__", "*a **b", "\"q\" 'q' -- --- ...", "a\\*b", "😀 émoji",
        "\u{301}", "<", ">", "&", "\"", "'", "javascript:alert(1)", "{{> partial}}", "#5", "\\\\|", "\t\tx\t",
        "x\u{0C}", "\u{0B}x", "a\0b", "$x$", "@mention", "#tag", "a_b_c", "snake_case_name", "www.acme.com",
        "https://acme.com", "http://a.b/c?d=e&f=g", "ftp://x", "<<>>", "]]>", "<![CDATA[x]]>", "<?php ?>",
        "\u{2028}line sep", "\u{00A0}nbsp", "zero\u{200B}width",
    ]

    @Test(arguments: [MarkdownOptions(smartPunctuation: false), MarkdownOptions()])
    func handPickedValuesRenderLiterally(options: MarkdownOptions) throws {
        for value in Self.nastyValues {
            let html = try MarkdownRenderer.renderHTML(MarkdownEscaping.escapeLiteral(value), options: options)
            #expect(html == expectedHTML(value), "value: \(value.debugDescription)")
        }
    }

    @Test(arguments: [MarkdownOptions(smartPunctuation: false), MarkdownOptions(allowUnsafeHTML: true)])
    func generatedValuesRenderLiterally(options: MarkdownOptions) throws {
        let alphabet: [Unicode.Scalar] =
            Array(##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.unicodeScalars)
            + Array("aZ09 \t\n\r\n\u{0}\u{0B}\u{0C}é\u{301}👍\u{1F3FD}日\u{00A0}\u{2028}\u{200B}".unicodeScalars)
        var generator = SeededGenerator(seed: 0x5241_5050_4F52_54)
        var checked = 0
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...24, using: &generator)
            var value = String.UnicodeScalarView()
            for _ in 0..<length { value.append(alphabet.randomElement(using: &generator)!) }
            let text = String(value)
            if mayContainEmail(text) { continue }
            let html = try MarkdownRenderer.renderHTML(MarkdownEscaping.escapeLiteral(text), options: options)
            #expect(html == expectedHTML(text), "value: \(text.debugDescription)")
            checked += 1
        }
        #expect(checked > 2_900)
    }
}
