import RapportCore
import Testing

@Suite struct MustacheScannerTests {
    // MARK: - Positions and tree

    @Test func tagsCarryLineAndColumnPlusLineOffset() throws {
        let text = "Hi {{customer.first_name}},\n  {{#items}}\r\n  - {{{ name }}} {{& price }}\n{{/items}}"
        let nodes = try MustacheScanner().scan(text, path: "t.md", lineOffset: 4)
        #expect(
            nodes == [
                .text("Hi "),
                .tag(MustacheTag(.variable, "customer.first_name", line: 5, column: 4)),
                .text(",\n  "),
                .section(
                    MustacheTag(.section, "items", line: 6, column: 3),
                    children: [
                        .text("\r\n  - "),
                        .tag(MustacheTag(.unescapedVariable, "name", line: 7, column: 5)),
                        .text(" "),
                        .tag(MustacheTag(.unescapedVariable, "price", line: 7, column: 18)),
                        .text("\n"),
                    ]
                ),
            ]
        )
    }

    @Test func columnsCountCharactersNotBytesOrScalars() throws {
        // "e" + combining acute and a flag are one character each despite several scalars.
        let text = "ok\ne\u{301}🇫🇷 naïve {{name}}"
        let nodes = try MustacheScanner().scan(text, path: "t.md")
        #expect(nodes.last == .tag(MustacheTag(.variable, "name", line: 2, column: 10)))
    }

    @Test func tagsSpanningLinesAdvanceTheLineCount() throws {
        let text = "{{! a\ncomment\n}}{{ \n  name\n}} {{x}}"
        let nodes = try MustacheScanner().scan(text, path: "t.md")
        #expect(
            nodes == [
                .tag(MustacheTag(.comment, "a\ncomment", line: 1, column: 1)),
                .tag(MustacheTag(.variable, "name", line: 3, column: 3)),
                .text(" "),
                .tag(MustacheTag(.variable, "x", line: 5, column: 4)),
            ]
        )
    }

    @Test func setDelimiterTagsChangeTheDelimitersForTheRestOfTheTemplate() throws {
        let text = "a {{=<% %>=}}<%name%> {{x}}\n<%={{ }}=%>{{#s}}{{/s}}"
        let nodes = try MustacheScanner().scan(text, path: "t.md")
        #expect(
            nodes == [
                .text("a "),
                .tag(MustacheTag(.setDelimiter, "<% %>", line: 1, column: 3)),
                .tag(MustacheTag(.variable, "name", line: 1, column: 14)),
                .text(" {{x}}\n"),
                .tag(MustacheTag(.setDelimiter, "{{ }}", line: 2, column: 1)),
                .section(MustacheTag(.section, "s", line: 2, column: 12), children: []),
            ]
        )
    }

    @Test func everyTagKindScans() throws {
        let text = """
            {{%CONTENT_TYPE:TEXT}}{{^none}}-{{/none}}{{> header}}{{>* dynamic}}{{<base}}
            {{! only blocks here }}{{$title}}T{{/title}}{{/base}}{{$body}}{{/body}}
            """
        let nodes = try MustacheScanner().scan(text, path: "t.md")
        #expect(
            nodes == [
                .tag(MustacheTag(.pragma, "CONTENT_TYPE:TEXT", line: 1, column: 1)),
                .section(MustacheTag(.invertedSection, "none", line: 1, column: 23), children: [.text("-")]),
                .tag(MustacheTag(.partial, "header", line: 1, column: 42)),
                .tag(MustacheTag(.partial, "*dynamic", line: 1, column: 54)),
                .section(
                    MustacheTag(.parentPartial, "base", line: 1, column: 68),
                    children: [
                        .text("\n"),
                        .tag(MustacheTag(.comment, "only blocks here", line: 2, column: 1)),
                        .section(MustacheTag(.block, "title", line: 2, column: 24), children: [.text("T")]),
                    ]
                ),
                .section(MustacheTag(.block, "body", line: 2, column: 54), children: []),
            ]
        )
    }

    @Test func transformsAreSplitOffTheName() throws {
        let text = "{{#sorted(items)}}{{uppercased(reversed(name))}}{{^last()}},{{/last()}}{{/sorted(items)}}"
        let nodes = try MustacheScanner().scan(text, path: "t.md")
        #expect(
            nodes == [
                .section(
                    MustacheTag(.section, "items", transforms: ["sorted"], line: 1, column: 1),
                    children: [
                        .tag(MustacheTag(.variable, "name", transforms: ["uppercased", "reversed"], line: 1, column: 19)),
                        .section(
                            MustacheTag(.invertedSection, "", transforms: ["last"], line: 1, column: 49),
                            children: [.text(",")]
                        ),
                    ]
                )
            ]
        )
        #expect(
            MustacheTag(.variable, "name", transforms: ["uppercased", "reversed"], line: 1, column: 1).description
                == "{{uppercased(reversed(name))}}")
    }

    @Test func bracesThatAreNotTagsStayText() throws {
        let nodes = try MustacheScanner().scan("a { b } {x} }} {\u{301}{c}", path: "t.md")
        #expect(nodes == [.text("a { b } {x} }} {\u{301}{c}")])
    }

    // MARK: - References

    @Test func referencesListEnclosingSectionsOutermostFirst() throws {
        let text = """
            {{#customer}}{{name}}{{#orders}}{{^empty}}{{total}}{{/empty}}{{/orders}}{{/customer}}\
            {{! not a reference }}{{%CONTENT_TYPE:HTML}}{{>footer}}{{{raw}}}
            """
        let scanner = MustacheScanner()
        let references = scanner.references(in: try scanner.scan(text, path: "t.md"))
        let summary = references.map { reference in
            "\(reference.tag) in [\(reference.enclosingSections.map(\.description).joined(separator: " "))] at \(reference.tag.column)"
        }
        #expect(
            summary == [
                "{{#customer}} in [] at 1",
                "{{name}} in [{{#customer}}] at 14",
                "{{#orders}} in [{{#customer}}] at 22",
                "{{^empty}} in [{{#customer}} {{#orders}}] at 33",
                "{{total}} in [{{#customer}} {{#orders}} {{^empty}}] at 43",
                "{{>footer}} in [] at 130",
                "{{{raw}}} in [] at 141",
            ]
        )
    }

    // MARK: - Errors

    @Test(arguments: [
        // Structure
        ("{{#items}}\n{{name}}\n", ["t.md:11:1: error: unclosed section {{#items}}"]),
        (
            "a\n{{#a}}{{^b}}x",
            [
                "t.md:12:1: error: unclosed section {{#a}}",
                "t.md:12:7: error: unclosed section {{^b}}",
            ]
        ),
        ("a\nb\n{{#a}}\n{{/b}}", ["t.md:14:1: error: {{/b}} closes {{#a}} opened at line 13"]),
        ("{{#a}}{{#b}}{{/a}}", ["t.md:11:13: error: {{/a}} closes {{#b}} opened at line 11"]),
        ("{{#sorted(a)}}{{/a}}", ["t.md:11:15: error: {{/a}} closes {{#sorted(a)}} opened at line 11"]),
        ("x {{/a}}", ["t.md:11:3: error: stray closing tag {{/a}}"]),
        (
            "{{#a}}\n{{x@}}",
            [
                "t.md:11:1: error: unclosed section {{#a}}",
                "t.md:12:4: error: invalid character '@' in tag name",
            ]
        ),
        (
            "{{#a}}\n{{b@}}\n{{/c}}\n",
            [
                "t.md:12:4: error: invalid character '@' in tag name",
                "t.md:13:1: error: {{/c}} closes {{#a}} opened at line 11",
            ]
        ),
        (
            "{{<base}}{{x}}{{$b}}{{/b}}{{/base}}",
            [
                "t.md:11:10: error: {{x}} cannot appear directly inside {{<base}}; only text, comments and {{$block}} sections can"
            ]
        ),
        (
            "{{<a/b}}{{/a/b}}",
            [
                "t.md:11:1: error: unclosed section {{<a/b}}",
                "t.md:11:13: error: invalid character '/' in tag name",
            ]
        ),
        ("{{$a(b)}}{{/b}}", ["t.md:11:1: error: transforms cannot be applied to a block: {{$a(b)}}"]),
        // Tag syntax
        ("ab {{name", ["t.md:11:4: error: unterminated tag {{"]),
        ("ab {{", ["t.md:11:4: error: unterminated tag {{"]),
        ("ab {{x}", ["t.md:11:4: error: unterminated tag {{"]),
        ("{{name {{other}}", ["t.md:11:1: error: unterminated tag {{"]),
        ("{{#items\nHello {{x}}", ["t.md:11:1: error: unterminated tag {{"]),
        ("a {{! note", ["t.md:11:3: error: unterminated comment {{!"]),
        ("abc {", ["t.md:11:5: error: a template cannot end with a single '{'"]),
        ("{{na@me}} {{y}}", ["t.md:11:5: error: invalid character '@' in tag name"]),
        ("{{ #x}}", ["t.md:11:4: error: invalid character '#' in tag name"]),
        ("{{first name}}", ["t.md:11:9: error: a tag name cannot contain spaces"]),
        ("{{name} x}}", ["t.md:11:7: error: a tag must end with }}"]),
        ("{{{x}} y", ["t.md:11:7: error: a tag opened with {{{ must end with }}}"]),
        ("{{a(b}}", ["t.md:11:1: error: invalid transform syntax 'a(b'"]),
        ("{{(x)}}", ["t.md:11:1: error: invalid transform syntax '(x)'"]),
        ("{{a(b)c}}", ["t.md:11:1: error: invalid transform syntax 'a(b)c'"]),
        ("{{}}{{ }}", ["t.md:11:1: error: empty tag name in {{}}", "t.md:11:5: error: empty tag name in {{}}"]),
        ("{{#}}{{/}}", ["t.md:11:1: error: empty tag name in {{#}}", "t.md:11:6: error: empty tag name in {{/}}"]),
        ("{{>}}{{<*}}", ["t.md:11:1: error: empty tag name in {{>}}", "t.md:11:6: error: empty tag name in {{<*}}"]),
        // Unsupported
        ("x\n{{=<% %>=}}\n<%#a%>", ["t.md:13:1: error: unclosed section {{#a}}"]),
        ("{{=<% %>}}", ["t.md:11:1: error: invalid delimiter tag; expected {{=<% %>=}}: two delimiters of ASCII characters other than spaces and '='"]),
        ("{{=<%%>=}}", ["t.md:11:1: error: invalid delimiter tag; expected {{=<% %>=}}: two delimiters of ASCII characters other than spaces and '='"]),
        ("{{=[ ]=}}[name", ["t.md:11:10: error: unterminated tag ["]),
        ("{{=| |=}}|a b|", ["t.md:11:13: error: a tag name cannot contain spaces"]),
        ("{{%FOO:bar}}", ["t.md:11:1: error: unknown pragma 'FOO'; only CONTENT_TYPE is supported"]),
        ("{{%CONTENT_TYPE:XML}}", ["t.md:11:1: error: unknown content type 'XML'; expected one of HTML, TEXT"]),
        ("{{%CONTENT_TYPE}}", ["t.md:11:1: error: invalid pragma; expected {{%CONTENT_TYPE:HTML}}"]),
        ("a\n{{\nname}}", ["t.md:12:1: error: line break directly after {{"]),
        ("{{%CONTENT_TYPE:}}", ["t.md:11:1: error: invalid pragma {{%CONTENT_TYPE:}}; expected {{%CONTENT_TYPE:HTML}}"]),
    ])
    func reportsExactDiagnostics(template: String, expected: [String]) {
        #expect(diagnostics(scanning: template, lineOffset: 10) == expected)
    }

    @Test func nestingBeyondTheLimitStopsScanning() {
        let scanner = MustacheScanner(maxNesting: 3)
        #expect(
            diagnostics(scanning: "{{#a}}{{#b}}{{$c}}{{<d}}{{/d}}{{/c}}{{/b}}{{/a}}", with: scanner)
                == ["t.md:1:19: error: sections nested deeper than 3"]
        )
        #expect(diagnostics(scanning: "{{#a}}{{#b}}{{$c}}{{/c}}{{/b}}{{/a}}", with: scanner) == [])
    }

    @Test func hundredThousandNestedSectionsGiveOneErrorNotACrash() {
        let depth = 100_000
        let text = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        #expect(diagnostics(scanning: text) == ["t.md:1:601: error: sections nested deeper than 100"])
    }

    @Test func hundredNestedSectionsAreAllowed() throws {
        let text = String(repeating: "{{#a}}", count: 100) + "{{x}}" + String(repeating: "{{/a}}", count: 100)
        let references = MustacheScanner().references(in: try MustacheScanner().scan(text, path: "t.md"))
        #expect(references.count == 101)
        #expect(references.last?.enclosingSections.count == 100)
        #expect(references.last?.tag == MustacheTag(.variable, "x", line: 1, column: 601))
    }

    @Test func largeTemplateScansInLinearTime() throws {
        let chunk = "Dear {{customer.first_name}}, {{#orders}}é {{total}}\n{{/orders}}{{! note }}\n"
        let copies = 5_000_000 / chunk.utf8.count
        let text = String(repeating: chunk, count: copies)
        let clock = ContinuousClock()
        var nodes: [MustacheNode] = []
        let elapsed = try clock.measure {
            nodes = try MustacheScanner().scan(text, path: "t.md")
        }
        #expect(nodes.count == copies * 5 + 1)
        #if !DEBUG
            #expect(elapsed < .seconds(1))
        #endif
    }

    // MARK: - Helpers

    private func diagnostics(
        scanning text: String,
        with scanner: MustacheScanner = MustacheScanner(),
        lineOffset: Int = 0
    ) -> [String] {
        do {
            _ = try scanner.scan(text, path: "t.md", lineOffset: lineOffset)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
