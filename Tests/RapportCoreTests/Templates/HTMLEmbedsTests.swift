import Testing

@testable import RapportCore

/// Trusted HTML (charts, rendered notes) travels through Markdown as tokens
/// that only this build's `HTMLEmbeds` turns back into HTML.
@Suite struct HTMLEmbedsTests {
    @Test func tokensAreLettersAndDigitsWithTheNonceAndIndex() {
        let embeds = HTMLEmbeds(nonce: "abc123")
        #expect(embeds.embed("<b>one</b>").text! == "rapportembedabc123n0x")
        #expect(embeds.embed("<b>two</b>").text! == "rapportembedabc123n1x")
    }

    @Test func resolveReplacesEveryTokenInline() {
        let embeds = HTMLEmbeds(nonce: "abc")
        let first = embeds.embed("<svg>1</svg>").text!
        let second = embeds.embed("<i>2</i>").text!
        #expect(
            embeds.resolve("<p>Chart: \(first) and \(second), again \(first).</p>")
                == "<p>Chart: <svg>1</svg> and <i>2</i>, again <svg>1</svg>.</p>")
    }

    @Test func aTokenAloneInAParagraphReplacesTheParagraph() {
        let embeds = HTMLEmbeds(nonce: "abc")
        let token = embeds.embed("<ul><li>x</li></ul>").text!
        #expect(embeds.resolve("<h2>A</h2>\n<p>\(token)</p>\n<p>after</p>") == "<h2>A</h2>\n<ul><li>x</li></ul>\n<p>after</p>")
    }

    @Test func aTokenSharingItsParagraphKeepsTheParagraph() {
        let embeds = HTMLEmbeds(nonce: "abc")
        let token = embeds.embed("<svg/>").text!
        #expect(embeds.resolve("<p>\(token) trend</p>") == "<p><svg/> trend</p>")
        #expect(embeds.resolve("<p>see \(token)</p>") == "<p>see <svg/></p>")
    }

    @Test func unknownIndexesAndForeignNoncesAreLeftAlone() {
        let embeds = HTMLEmbeds(nonce: "abc")
        _ = embeds.embed("<svg/>")
        let text = "<p>rapportembedabcn7x rapportembedzzzn0x rapportembedabcn0</p>"
        #expect(embeds.resolve(text) == text)
    }

    @Test func lookAlikesAreLeftAlone() {
        let embeds = HTMLEmbeds(nonce: "abc")
        _ = embeds.embed("<svg/>")
        for text in [
            "rapportembedabcnx",  // no digits
            "rapportembedabcn0y",  // wrong terminator
            "rapportembedabcn0",  // cut off at the end
            "rapportembedabc0x",  // no n before the index
            "RAPPORTEMBEDABCN0X",  // other case
            "rapportembedabcn0000000000x",  // ten digits: more than a token has
        ] {
            #expect(embeds.resolve(text) == text, "\(text)")
        }
    }

    @Test func aLookAlikeJustBeforeARealTokenDoesNotHideIt() {
        let embeds = HTMLEmbeds(nonce: "abc")
        let token = embeds.embed("<svg/>").text!
        #expect(embeds.resolve("rapportembedabcn\(token)") == "rapportembedabcn<svg/>")
    }

    @Test func nothingEmbeddedMeansNothingChanges() {
        let embeds = HTMLEmbeds(nonce: "abc")
        #expect(embeds.resolve("<p>rapportembedabcn0x</p>") == "<p>rapportembedabcn0x</p>")
    }

    @Test func keepingSelfContainedLeavesChartsForLater() {
        let embeds = HTMLEmbeds(nonce: "abc")
        let chart = embeds.embed("<svg>chart</svg>", selfContained: true).text!
        let notes = embeds.embed("<p>notes <img src=\"x.png\"></p>").text!
        let page = "<p>\(chart)</p>\n<p>\(notes)</p>"
        let first = embeds.resolve(page, keepingSelfContained: true)
        #expect(first == "<p>\(chart)</p>\n<p>notes <img src=\"x.png\"></p>")
        #expect(embeds.resolve(first) == "<svg>chart</svg>\n<p>notes <img src=\"x.png\"></p>")
    }

    @Test func customerDataSpellingTheWordIsUntouched() {
        let embeds = HTMLEmbeds(nonce: HTMLEmbeds.makeNonce())
        let token = embeds.embed("<svg/>").text!
        let customerText = "Our team, rapportembed, likes rapportembedn0x and rapportembed0x."
        #expect(embeds.resolve("<p>\(customerText)</p><p>\(token)</p>") == "<p>\(customerText)</p><svg/>")
    }

    @Test func noncesDifferBetweenBuilds() {
        let nonces = Set((0..<20).map { _ in HTMLEmbeds.makeNonce() })
        #expect(nonces.count == 20)
        #expect(nonces.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
    }

    @Test func nonASCIITextAroundTokensSurvives() {
        let embeds = HTMLEmbeds(nonce: "abc")
        let token = embeds.embed("<b>✓</b>").text!
        #expect(embeds.resolve("Bäckerei \(token) — 東京") == "Bäckerei <b>✓</b> — 東京")
    }
}
