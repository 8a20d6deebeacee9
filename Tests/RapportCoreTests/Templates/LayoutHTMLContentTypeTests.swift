import Mustache
import Testing

@testable import RapportCore

/// Layouts escape through rapport's byte-level escaper; it must write what
/// swift-mustache's own HTML escaping writes, byte for byte.
@Suite struct LayoutHTMLContentTypeTests {
    static let samples: [String] = [
        "",
        "plain text",
        "Bäckerei Müller & Söhne",
        "<script>alert('x')</script>",
        "a \"quoted\" 'value' > b & c < d",
        "&amp; already escaped",
        "日本語のテキスト & emoji 👩🏽‍💻 <b>",
        "line\r\nbreak\tand tab",
        "e\u{301}\u{301} combining after text",
        "'",
    ]

    @Test func writesTheReferencesSwiftMustacheWrites() {
        #expect(HTMLText.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("no specials: é ß 中") == "no specials: é ß 中")
    }

    @Test(arguments: samples)
    func matchesSwiftMustacheDefaultEscaping(_ value: String) throws {
        _ = RapportContentTypes.register
        let defaultType = try MustacheTemplate(string: "[{{value}}]")
        let layoutType = try MustacheTemplate(string: LayoutHTMLContentType.pragma + "[{{value}}]")
        let model: [String: Any] = ["value": value]
        #expect(layoutType.render(model) == defaultType.render(model))
    }

    @Test func partialsAndSectionsKeepTheLayoutType() throws {
        _ = RapportContentTypes.register
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: LayoutHTMLContentType.pragma + "<p>{{name}}</p>"), named: "item")
        library.register(
            try MustacheTemplate(string: LayoutHTMLContentType.pragma + "{{#items}}{{> item}}{{/items}}\n{{title}}"), named: "page")
        let model: [String: Any] = ["title": "A & B", "items": [["name": "<x>"], ["name": "'y'"]]]
        #expect(library.render(model, withTemplate: "page") == "<p>&lt;x&gt;</p><p>&#39;y&#39;</p>\nA &amp; B")
    }

    @Test func aLayoutsOwnPragmaStillWins() throws {
        _ = RapportContentTypes.register
        let template = try MustacheTemplate(string: LayoutHTMLContentType.pragma + "{{%CONTENT_TYPE:TEXT}}\n<{{value}}>")
        #expect(template.render(["value": "a & <b>"] as [String: Any]) == "<a & <b>>")
    }
}
