import Foundation
import Testing

@testable import RapportCore

@Suite struct EmailHTMLTests {
    static let page = URL(string: "https://site.example/success/customers/c-1/newsletters/2026-11/index.html")!

    @Test func relativeLinksAndImagesBecomeAbsolute() {
        let html =
            ##"<p><a href="../../../../pricing/">p</a> <a href="/about">a</a> <a href="#goals">g</a> <a href="mailto:x@y.example">m</a> <img src="chart.png" alt="c" /></p>"##
        #expect(
            EmailHTML.absolute(html, page: Self.page)
                == ##"<p><a href="https://site.example/success/pricing/">p</a> <a href="https://site.example/about">a</a> <a href="#goals">g</a> <a href="mailto:x@y.example">m</a> <img src="https://site.example/success/customers/c-1/newsletters/2026-11/chart.png" alt="c" /></p>"##
        )
    }

    @Test func tagsGetInlineStylesBeforeTheirOwnAndCheckboxesBecomeCharacters() {
        let html =
            #"<h2>Hi</h2><p style="color:red">x</p><ul><li><input type="checkbox" checked="" disabled="" /> done</li><li><input type="checkbox" disabled="" /> next</li></ul>"#
        let styled = EmailHTML.styled(html, styles: .init(["h2": "font-size:20px;", "p": "margin:0;"]))
        #expect(styled == #"<h2 style="font-size:20px;">Hi</h2><p style="margin:0;color:red">x</p><ul><li>☑ done</li><li>☐ next</li></ul>"#)
    }

    @Test func textAndUntouchedTagsAreCopiedByteForByte() {
        let html = "<div class='a'>5 < 6 &amp; <!-- c --> </div>"
        #expect(EmailHTML.styled(html, styles: .init([:])) == html)
        #expect(EmailHTML.absolute(html, page: Self.page) == html)
    }
}
