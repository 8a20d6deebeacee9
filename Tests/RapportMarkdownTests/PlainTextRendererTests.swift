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

    @Test func widthZeroKeepsParagraphsOnOneLine() throws {
        let text = try MarkdownRenderer.renderPlainText("one two three four five six seven eight nine ten eleven twelve", width: 0)
        #expect(text == "one two three four five six seven eight nine ten eleven twelve\n")
    }

    @Test func limitsApplyAsForHTML() {
        var limits = MarkdownLimits()
        limits.maxBytes = 10
        #expect(throws: MarkdownError.self) { try MarkdownRenderer.renderPlainText(String(repeating: "a", count: 11), limits: limits) }
    }
}
