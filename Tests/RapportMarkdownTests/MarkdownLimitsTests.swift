import Testing

@testable import RapportMarkdown

@Suite struct MarkdownLimitsTests {
    /// Rendering these without the guards takes cmark-gfm 0.29.0.gfm.6 from
    /// seconds to minutes (measured: 1,000 x 300 table 1.3 s, 5,000 x 300 29 s;
    /// 50,000 x `![[]()` 19 s), so each guard must reject quickly.
    private static let quickly = Duration.seconds(2)

    private func renderError(
        _ markdown: String,
        limits: MarkdownLimits = .init()
    ) -> (error: MarkdownError?, elapsed: Duration) {
        var error: MarkdownError?
        let elapsed = ContinuousClock().measure {
            do throws(MarkdownError) {
                _ = try MarkdownRenderer.renderHTML(markdown, limits: limits)
            } catch let caught {
                error = caught
            }
        }
        return (error, elapsed)
    }

    private func table(columns: Int, rows: Int) -> String {
        let header = "|" + String(repeating: " a |", count: columns) + "\n"
        let delimiter = "|" + String(repeating: "---|", count: columns) + "\n"
        let row = "|" + String(repeating: " 1 |", count: columns) + "\n"
        return "Intro\n\n" + header + delimiter + String(repeating: row, count: rows)
    }

    // MARK: - Tables

    @Test func wideTableIsRejectedQuickly() {
        let (error, elapsed) = renderError(table(columns: 5_000, rows: 300), limits: .init(maxBytes: 10_000_000))
        #expect(
            error
                == MarkdownError(
                    line: 3,
                    column: 801,
                    message: "table row has 5000 columns (limit 200; raise markdown.max_table_columns in rapport.yml)"))
        #expect(elapsed < Self.quickly)
    }

    @Test func hundredColumnTableRenders() throws {
        let html = try MarkdownRenderer.renderHTML(table(columns: 100, rows: 20))
        #expect(html.components(separatedBy: "<th>").count - 1 == 100)
        #expect(html.components(separatedBy: "<td>").count - 1 == 2_000)
    }

    @Test func tableAtTheLimitRendersAndOneMoreColumnThrows() throws {
        _ = try MarkdownRenderer.renderHTML(table(columns: 200, rows: 1))
        #expect(
            renderError(table(columns: 201, rows: 1)).error
                == MarkdownError(
                    line: 3,
                    column: 801,
                    message: "table row has 201 columns (limit 200; raise markdown.max_table_columns in rapport.yml)"))
    }

    @Test func wideBodyRowUnderANarrowHeaderIsRejected() {
        let markdown = "| a | b |\n|---|---|\n| 1 | 2 |\nx" + String(repeating: " | y", count: 300) + "\n"
        #expect(
            renderError(markdown).error
                == MarkdownError(
                    line: 4,
                    column: 799,
                    message: "table row has 301 columns (limit 200; raise markdown.max_table_columns in rapport.yml)"))
    }

    @Test func tableInsideBlockQuoteIsChecked() {
        let markdown = "> a" + String(repeating: " | a", count: 250) + "\n> ---" + String(repeating: "|---", count: 250) + "\n"
        #expect(
            renderError(markdown).error
                == MarkdownError(
                    line: 1,
                    column: 801,
                    message: "table row has 251 columns (limit 200; raise markdown.max_table_columns in rapport.yml)"))
    }

    @Test func manyPipesOutsideATableAreFine() throws {
        let prose = String(repeating: "a | ", count: 500) + "\n\n---\n"
        #expect(try MarkdownRenderer.renderHTML(prose).hasSuffix("</p>\n<hr />\n"))
    }

    @Test func escapedPipesAreNotColumns() throws {
        let header = "a" + String(repeating: " \\| a", count: 500) + " | b\n"
        let html = try MarkdownRenderer.renderHTML(header + "---|---\n")
        #expect(html.components(separatedBy: "<th>").count - 1 == 2)
    }

    // MARK: - Brackets

    @Test func unclosedImageBracketsAreRejectedQuickly() {
        let (error, elapsed) = renderError("Hello\n\n" + String(repeating: "![[]()", count: 50_000))
        #expect(
            error
                == MarkdownError(
                    line: 3,
                    column: 5_997,
                    message: "50001 nested or unclosed brackets (limit 1000; raise markdown.max_bracket_run in rapport.yml)"))
        #expect(elapsed < Self.quickly)
    }

    @Test func closedBracketsAndEscapedBracketsAreFine() throws {
        let links = String(repeating: "[a](b) ", count: 5_000)
        let escaped = String(repeating: "\\[", count: 5_000)
        let closed = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(try MarkdownRenderer.renderHTML(links + "\n" + escaped + "\n" + closed).hasPrefix("<p><a href=\"b\">a</a>"))
    }

    @Test func blankLineEndsABracketRun() throws {
        let half = String(repeating: "[", count: 600)
        #expect(try MarkdownRenderer.renderHTML(half + "\n\n" + half) == "<p>\(half)</p>\n<p>\(half)</p>\n")
        #expect(
            renderError(half + "\n" + half).error
                == MarkdownError(
                    line: 2,
                    column: 401,
                    message: "1200 nested or unclosed brackets (limit 1000; raise markdown.max_bracket_run in rapport.yml)"))
    }

    // MARK: - Nesting

    @Test func deepBlockQuotesAreRejected() {
        let (error, elapsed) = renderError("ok\n" + String(repeating: ">", count: 20_000) + " x\n")
        #expect(
            error
                == MarkdownError(
                    line: 2,
                    column: 101,
                    message: "block nesting is 20000 levels deep (limit 100; raise markdown.max_nesting in rapport.yml)"))
        #expect(elapsed < Self.quickly)
    }

    @Test func deepListMarkersAreRejected() {
        #expect(
            renderError(String(repeating: "> - ", count: 60) + "x").error
                == MarkdownError(
                    line: 1,
                    column: 201,
                    message: "block nesting is 120 levels deep (limit 100; raise markdown.max_nesting in rapport.yml)"))
    }

    @Test func deepListIndentationIsRejected() {
        #expect(
            renderError("- a\n" + String(repeating: " ", count: 210) + "- b\n").error
                == MarkdownError(
                    line: 2,
                    column: 211,
                    message: "block nesting is 106 levels deep (limit 100; raise markdown.max_nesting in rapport.yml)"))
    }

    /// Documents with few pipes and brackets take a shorter scan that reads
    /// only each line's start; it must find the same nesting error, at the
    /// same place, as the full scan the pipes on the last line force.
    @Test func shortScanFindsWhatTheFullScanFinds() {
        let deep = "a\r\nb\rc\n[x](y) | z\n" + String(repeating: "> ", count: 101) + "👍🏽 x\n"
        let expected = MarkdownError(
            line: 5, column: 201, message: "block nesting is 101 levels deep (limit 100; raise markdown.max_nesting in rapport.yml)")
        #expect(renderError(deep).error == expected)
        #expect(renderError(deep + String(repeating: "|", count: 200) + "\n").error == expected)
        #expect(renderError(deep + String(repeating: "[", count: 1_001) + "\n").error == expected)
    }

    @Test func ordinaryNestingRenders() throws {
        let markdown = "> quote\n> - item\n>   1. sub\n>      - deeper\n"
        #expect(try MarkdownRenderer.renderHTML(markdown).hasPrefix("<blockquote>\n<p>quote</p>\n<ul>\n<li>item\n<ol>"))
    }

    // MARK: - Size and locations

    @Test func oversizedDocumentIsRejected() {
        #expect(
            renderError(String(repeating: "a", count: 101), limits: .init(maxBytes: 100)).error
                == MarkdownError(line: 1, message: "document is 101 bytes (limit 100; raise markdown.max_bytes in rapport.yml)"))
    }

    @Test func linesCountCRLFAndCRAndColumnsCountCharacters() {
        let markdown = "a\r\nb\rc\n\n👍🏽 é" + String(repeating: "[", count: 1_001)
        #expect(
            renderError(markdown).error
                == MarkdownError(
                    line: 5,
                    column: 1_004,
                    message: "1001 nested or unclosed brackets (limit 1000; raise markdown.max_bracket_run in rapport.yml)"))
    }

    @Test func limitsAreConfigurable() throws {
        let markdown = String(repeating: ">", count: 150) + " deep"
        _ = try MarkdownRenderer.renderHTML(markdown, limits: .init(maxNesting: 150))
        #expect(renderError(markdown, limits: .init(maxNesting: 149)).error?.line == 1)
    }

    @Test func ordinaryTextPasses() throws {
        let markdown = "# Hello Acme\n\nYour *usage* grew **12%** [details](https://x.org).\n\n- one\n- two\n"
        #expect(try MarkdownRenderer.renderHTML(markdown).hasPrefix("<h1>Hello Acme</h1>\n"))
    }

    @Test func checkLimitsThrowsWithoutRendering() throws {
        try MarkdownRenderer.checkLimits("| a | b |\n|---|---|\n")
        #expect(throws: MarkdownError(
            line: 1,
            column: 4,
            message: "4 nested or unclosed brackets (limit 3; raise markdown.max_bracket_run in rapport.yml)")
        ) {
            try MarkdownRenderer.checkLimits("[[[[", limits: .init(maxBracketRun: 3))
        }
    }

    @Test func errorDescription() {
        #expect(MarkdownError(line: 3, column: 7, message: "bad").description == "3:7: bad")
        #expect(MarkdownError(line: 3, message: "bad").description == "3: bad")
    }
}
