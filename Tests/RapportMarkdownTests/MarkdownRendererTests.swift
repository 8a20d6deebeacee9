import Testing

@testable import RapportMarkdown

@Suite struct MarkdownRendererTests {
    // MARK: - Extensions

    @Test func table() throws {
        let html = try MarkdownRenderer.renderHTML("| Plan | Seats |\n|:-----|------:|\n| Pro | 12 |\n")
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th align="left">Plan</th>
            <th align="right">Seats</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">Pro</td>
            <td align="right">12</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func strikethrough() throws {
        #expect(try MarkdownRenderer.renderHTML("~~old~~ and ~new~") == "<p><del>old</del> and <del>new</del></p>\n")
    }

    @Test func autolink() throws {
        let html = try MarkdownRenderer.renderHTML("Visit www.example.com or https://example.org/a?b=1. Mail jane@acme.com")
        #expect(html == """
            <p>Visit <a href="http://www.example.com">www.example.com</a> or \
            <a href="https://example.org/a?b=1">https://example.org/a?b=1</a>. \
            Mail <a href="mailto:jane@acme.com">jane@acme.com</a></p>

            """)
    }

    @Test func taskList() throws {
        let html = try MarkdownRenderer.renderHTML("- [ ] call Acme\n- [x] send review\n")
        #expect(html == """
            <ul>
            <li><input type="checkbox" disabled="" /> call Acme</li>
            <li><input type="checkbox" checked="" disabled="" /> send review</li>
            </ul>

            """)
    }

    @Test func tagfilterEscapesDangerousTagsEvenWhenUnsafeHTMLIsAllowed() throws {
        let markdown = "<script>alert(1)</script>\n\n<div>kept</div>\n\nHi <b>bold</b> <title>t</title>"
        let html = try MarkdownRenderer.renderHTML(markdown, options: .init(allowUnsafeHTML: true))
        #expect(html == """
            &lt;script>alert(1)&lt;/script>
            <div>kept</div>
            <p>Hi <b>bold</b> &lt;title>t&lt;/title></p>

            """)
    }

    @Test func footnotes() throws {
        let html = try MarkdownRenderer.renderHTML("Churn fell[^1].\n\n[^1]: Since March.\n")
        #expect(html == """
            <p>Churn fell<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>.</p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-1">
            <p>Since March. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test func footnotesOff() throws {
        let html = try MarkdownRenderer.renderHTML("Churn fell[^1].\n\n[^1]: Since March.\n", options: .init(footnotes: false))
        #expect(html == "<p>Churn fell[^1].</p>\n<p>[^1]: Since March.</p>\n")
    }

    @Test func smartPunctuation() throws {
        let markdown = "\"Hello\" -- it's --- fine..."
        #expect(try MarkdownRenderer.renderHTML(markdown) == "<p>“Hello” – it’s — fine…</p>\n")
        #expect(
            try MarkdownRenderer.renderHTML(markdown, options: .init(smartPunctuation: false))
                == "<p>&quot;Hello&quot; -- it's --- fine...</p>\n")
    }

    @Test func hardBreaks() throws {
        #expect(try MarkdownRenderer.renderHTML("a\nb") == "<p>a\nb</p>\n")
        #expect(try MarkdownRenderer.renderHTML("a\nb", options: .init(hardBreaks: true)) == "<p>a<br />\nb</p>\n")
    }

    // MARK: - Safety

    @Test func rawHTMLIsOmittedByDefault() throws {
        let html = try MarkdownRenderer.renderHTML("<div onclick=\"x()\">block</div>\n\nHi <b>bold</b>")
        #expect(html == "<!-- raw HTML omitted -->\n<p>Hi <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n")
    }

    @Test func javascriptLinkLosesItsHrefUnlessUnsafe() throws {
        let markdown = "[click](javascript:alert(1)) ![img](javascript:x)"
        #expect(try MarkdownRenderer.renderHTML(markdown) == "<p><a href=\"\">click</a> <img src=\"\" alt=\"img\" /></p>\n")
        #expect(
            try MarkdownRenderer.renderHTML(markdown, options: .init(allowUnsafeHTML: true))
                == "<p><a href=\"javascript:alert(1)\">click</a> <img src=\"javascript:x\" alt=\"img\" /></p>\n")
    }

    @Test func invalidUTF8CannotReachCmarkAndNULBecomesReplacementCharacter() throws {
        #expect(try MarkdownRenderer.renderHTML("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
    }

    @Test func emptyDocument() throws {
        #expect(try MarkdownRenderer.renderHTML("") == "")
    }

    // MARK: - Library

    @Test func cmarkVersion() {
        #expect(MarkdownRenderer.cmarkVersion.hasPrefix("0.29"))
        #expect(MarkdownRenderer.cmarkVersion == "0.29.0.gfm.6")
    }

    @Test func concurrentRendersMatchSerialRender() async throws {
        // Strikethrough, autolinks and tables depend on cmark's process-wide
        // special-character table, which unguarded parallel parses corrupt
        // (without the lock this fails a few renders in 10,000 on two cores).
        let markdown = """
            # Q4 for Acme

            ~~Churn~~ fell; see www.example.com and https://example.org.

            | Metric | Value |
            |--------|------:|
            | Seats | ~~10~~ 12 |
            | Site | www.acme.com |

            - [x] renewal signed[^1]

            [^1]: In *October*.

            """
        let expected = try MarkdownRenderer.renderHTML(markdown)
        #expect(expected.contains("<del>Churn</del>"))
        #expect(expected.contains("<td align=\"right\"><del>10</del> 12</td>"))
        #expect(expected.contains("<a href=\"http://www.acme.com\">www.acme.com</a>"))

        let mismatches = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    var mismatches = 0
                    for _ in 0..<150 where (try? MarkdownRenderer.renderHTML(markdown)) != expected {
                        mismatches += 1
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
