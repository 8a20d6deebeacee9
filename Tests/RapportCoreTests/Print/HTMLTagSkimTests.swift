import Testing

@testable import RapportCore

/// `HTMLTag.endIfUnchanged`, the print inliner's shortcut for tags it would
/// copy unchanged: it must end where the full scan ends, and never let
/// through a tag the inliner rewrites.
@Suite struct HTMLTagSkimTests {
    static func skim(_ html: String, mayChange: (String, String?) -> Bool = { element, attribute in
        attribute == nil ? element == "style" : attribute == "style" || attribute == "src"
    }) -> Int? {
        HTMLTag.endIfUnchanged(Array(html.utf8), at: 0, mayChange: mayChange)
    }

    @Test(arguments: [
        #"<p>"#,
        #"<div class="box" id=main>"#,
        #"<input disabled/>"#,
        #"<td data-x='a > b' title="x">"#,
        #"<SPAN CLASS="a">"#,
        #"<svg viewBox="0 0 10 10" aria-hidden="true">"#,
    ])
    func plainTagsEndWhereTheScanEnds(_ html: String) throws {
        let tag = try #require(HTMLTag.scan(Array((html + "rest").utf8), at: 0))
        #expect(Self.skim(html + "rest") == tag.range.upperBound)
    }

    @Test(arguments: [
        #"<style>"#,
        #"<STYLE media="print">"#,
        #"<p style="color: red">"#,
        #"<p STYLE=x>"#,
        #"<img alt="a" src="a.png">"#,
        #"<img src>"#,
    ])
    func tagsTheInlinerMayRewriteAreLeftToTheScan(_ html: String) {
        #expect(Self.skim(html) == nil)
    }

    @Test(arguments: [
        #"<p class="never closed>"#,
        #"<p class="#,
        #"<p"#,
        #"</p>"#,
        #"< p>"#,
    ])
    func whatTheScanRefusesTheSkimRefuses(_ html: String) {
        #expect(HTMLTag.scan(Array(html.utf8), at: 0) == nil)
        #expect(Self.skim(html) == nil)
    }

    @Test func theInlinersRulesSendEveryRewrittenTagToTheScan() {
        // Links become absolute, images data URIs, styles are inlined:
        // none of these may be copied unchanged.
        let inliner = PrintInliner(pagePath: "print/c-1/p.html", baseURL: "https://example.com/") { _ in nil }
        let page = #"<p class="x"><a href="../../customers/c-1/index.html">hub</a> <td background="x.png"> <img srcset="a.png 2x"> <i style="color:red">"#
        let result = inliner.inline(page)
        #expect(result.html == #"<p class="x"><a href="https://example.com/customers/c-1/index.html">hub</a> <td> <img> <i style="color:red">"#)
    }
}
