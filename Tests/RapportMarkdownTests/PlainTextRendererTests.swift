import Testing

@testable import RapportMarkdown

/// The text part of an email: cmark-gfm's plain-text renderer, with each
/// link's address spelled out after its words.
@Suite struct PlainTextRendererTests {
    @Test func linksTablesAndListsReadAsPlainText() throws {
        let markdown = """
            # Hello

            Hi *there*, see [our docs](https://x.example/d), [pricing](/pricing) and <https://auto.example/a>; \
            mail [me@x.example](mailto:me@x.example) or [Maya](mailto:maya@x.example).

            | Plan | Price |
            |---|--:|
            | pro | $10 |

            - [x] done
            - [ ] next

            """
        let text = try MarkdownRenderer.renderPlainText(markdown, width: 60) { $0.hasPrefix("/") ? "https://site.example" + $0 : $0 }
        #expect(
            text == """
                Hello

                Hi there, see our docs <https://x.example/d>, pricing
                <https://site.example/pricing> and https://auto.example/a;
                mail me@x.example or Maya <mailto:maya@x.example>.

                | Plan | Price |
                | --- | --: |
                | pro | $10 |

                - [x] done
                - [ ] next

                """)
    }

    /// The email's two parts from one parse are what the two renderers give
    /// on their own: the HTML is rendered before the link addresses join the tree.
    @Test func oneParseGivesBothPartsUnchanged() throws {
        let markdown = """
            Read [the review](/reviews/q4/) and <https://auto.example/a>.

            | Plan | Price |
            |---|--:|
            | pro | ~~$12~~ $10 |

            - [x] done

            """
        let absolute: (String) -> String = { $0.hasPrefix("/") ? "https://site.example" + $0 : $0 }
        let both = try MarkdownRenderer.renderHTMLAndPlainText(markdown, width: 60, absoluteURL: absolute)
        #expect(both.html == (try MarkdownRenderer.renderHTML(markdown)))
        #expect(both.text == (try MarkdownRenderer.renderPlainText(markdown, width: 60, absoluteURL: absolute)))
        #expect(!both.html.contains("https://site.example"), "the addresses are added for the text part only")
        #expect(both.text.contains("the review <https://site.example/reviews/q4/>"))
    }

    @Test func widthZeroKeepsParagraphsOnOneLine() throws {
        let text = try MarkdownRenderer.renderPlainText("one two three four five six seven eight nine ten eleven twelve", width: 0)
        #expect(text == "one two three four five six seven eight nine ten eleven twelve\n")
    }

    @Test func limitsApplyAsForHTML() {
        var limits = MarkdownLimits()
        limits.maxBytes = 10
        #expect(throws: MarkdownError.self) { try MarkdownRenderer.renderPlainText(String(repeating: "a", count: 11), limits: limits) }
        #expect(throws: MarkdownError.self) { try MarkdownRenderer.renderHTMLAndPlainText(String(repeating: "a", count: 11), limits: limits) }
    }
}
