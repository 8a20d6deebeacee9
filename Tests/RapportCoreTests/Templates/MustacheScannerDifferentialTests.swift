#if canImport(Mustache)
    import Mustache
    import Testing
    import TestSupport
    import RapportCore

    /// Checks the scanner against swift-mustache's own parser: whatever one accepts
    /// the other must accept, apart from the deliberate differences listed below.
    @Suite struct MustacheScannerDifferentialTests {
        static let valid: [String] = [
            "",
            "Hello {{name}}!",
            "{{ name }}",
            "{{.}}",
            "{{{html}}}",
            "{{{ html }}}",
            "{{& html}}",
            "{{#items}}{{.}}{{/items}}",
            "{{^items}}none{{/items}}",
            "{{#a}}{{#b}}{{c}}{{/b}}{{/a}}",
            "{{#a}}{{/a}}{{#a}}{{/a}}",
            "{{! comment }}text",
            "{{! multi\nline {{ comment }}",
            "{{%CONTENT_TYPE:HTML}}",
            "{{% CONTENT_TYPE : TEXT }}",
            "{{> partial}}",
            "{{>partials/footer}}",
            "{{> * dynamic}}",
            "{{<base}}{{$title}}Hi{{/title}}{{/base}}",
            "{{<base}}\n  {{$title}}\n  Hi\n  {{/title}}\n{{/base}}\n",
            "{{<base}}{{! note }}{{/base}}",
            "{{<*dyn}}{{$x}}{{/x}}{{/*dyn}}",
            "{{<base}}{{$a}}{{#b}}{{c}}{{/b}}{{/a}}{{/base}}",
            "{{$block}}default{{/block}}",
            "{{#sorted(items)}}{{.}}{{/sorted(items)}}",
            "{{uppercased(name)}} {{a(b(c))}}",
            "{{#items}}{{^last()}}, {{/last()}}{{/items}}",
            "{{customer.first_name}} {{customer.is-vip?}} {{a*b}} {{x_y}}",
            "a { b } {x} }} } {\u{301}{c}",
            "line1\r\nline2 {{x}}\r\n",
            "  {{#s}}\n  x\n  {{/s}}\n",
            "日本語 {{name}} e\u{301} 🇫🇷",
            "{{ \n  name\n}}",
            "{{#\nitems\n}}{{/items}}",
        ]

        static let invalid: [String] = [
            "{{#a}}",
            "{{#a}}{{/b}}",
            "{{/a}}",
            "{{#a}}{{#b}}{{/a}}",
            "{{#sorted(a)}}{{/a}}",
            "{{name",
            "{{name}",
            "{{name} }}",
            "{{na me}}",
            "{{na@me}}",
            "{{ #a}}{{/a}}",
            "{{{x}}",
            "{{! unterminated",
            "{{a(b}}",
            "{{a(b)c}}",
            "{{a)}}",
            "{{$a(b)}}{{/a}}",
            "{{<base}}{{x}}{{/base}}",
            "{{<base}}{{%CONTENT_TYPE:TEXT}}{{/base}}",
            "{{<a/b}}{{/a/b}}",
            "{{%CONTENT_TYPE:XML}}",
            "{{%FOO:HTML}}",
            "{{%CONTENT_TYPE}}",
            "text {",
        ]

        /// swift-mustache accepts these but renders them as nothing or ignores the tag; rapport rejects them.
        static let rejectedOnlyByScanner: [String] = [
            "{{}}",
            "{{#}}{{/}}",
            "{{>}}",
            "{{(x)}}",
            "text {{",
            "{{\nname}}",
            "{{\r\nname}}",
        ]

        @Test(arguments: valid)
        func bothAccept(_ template: String) {
            #expect(scannerAccepts(template))
            #expect(mustacheAccepts(template))
        }

        @Test(arguments: invalid)
        func bothReject(_ template: String) {
            #expect(!scannerAccepts(template))
            #expect(!mustacheAccepts(template))
        }

        @Test(arguments: rejectedOnlyByScanner)
        func scannerIsStricter(_ template: String) {
            #expect(!scannerAccepts(template))
            #expect(mustacheAccepts(template))
        }

        /// Random templates built from the characters that matter to both parsers.
        @Test func randomTemplatesGetTheSameVerdict() {
            let pieces = [
                "{{", "}}", "{", "}", "#", "^", "/", "!", ">", "<", "$", "&", "%", "(", ")", ":", "*",
                " ", "\n", "a", "b", "é", "x.y", "CONTENT_TYPE", "HTML", "\u{301}",
            ]
            var generator = SeededGenerator(seed: 20_261_126)
            var disagreements: [String] = []
            for _ in 0..<5_000 {
                let count = Int.random(in: 1...14, using: &generator)
                let template = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let scanner = scannerAccepts(template)
                let mustache = mustacheAccepts(template)
                if scanner != mustache, !(mustache && Self.isDeliberateDifference(template)) {
                    disagreements.append(template)
                }
            }
            #expect(disagreements == [])
        }

        // MARK: - Helpers

        private func scannerAccepts(_ template: String) -> Bool {
            (try? MustacheScanner().scan(template, path: "t.md")) != nil
        }

        private func mustacheAccepts(_ template: String) -> Bool {
            (try? MustacheTemplate(string: template)) != nil
        }

        /// Whether the scanner rejects `template` only for one of the `rejectedOnlyByScanner` reasons.
        private static func isDeliberateDifference(_ template: String) -> Bool {
            do {
                _ = try MustacheScanner().scan(template, path: "t.md")
                return false
            } catch {
                return error.diagnostics.allSatisfy { diagnostic in
                    diagnostic.message.hasPrefix("empty tag name")
                        || (diagnostic.message.hasPrefix("invalid transform syntax '(") || diagnostic.message.contains("(("))
                        || diagnostic.message == "line break directly after {{"
                        || (diagnostic.message == "unterminated tag {{" && template.hasSuffix("{{"))
                }
            }
        }
    }
#endif
