import Foundation
import Testing

@testable import RapportCore

@Suite struct PrintInlinerTests {
    static let pagePath = "print/c-1/review-2026-Q4.html"
    static let png = Data([0x89, 0x50, 0x4E, 0x47])
    static let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)

    static func inliner(_ assets: [String: Data], baseURL: String? = nil) -> PrintInliner {
        PrintInliner(pagePath: pagePath, baseURL: baseURL) { assets[$0] }
    }

    static func dataURI(_ type: String, _ data: Data) -> String {
        "data:\(type);base64,\(data.base64EncodedString())"
    }

    // MARK: - Stylesheets

    @Test func stylesheetLinkBecomesAStyleElementWithTheExactCSS() {
        let css = "body { color: black; }\n@page { size: A4; }\n"
        let result = Self.inliner(["print.css": Data(css.utf8)]).inline(
            "<head>\n<link rel=\"stylesheet\" href=\"../../assets/print.css\">\n</head>")
        #expect(result.html == "<head>\n<style>\n\(css)</style>\n</head>")
        #expect(result.problems.isEmpty)
    }

    /// Bare tags take a shortcut that copies them; elements with a case of
    /// their own must still get it, in any letter case.
    @Test func bareTagsAreCopiedButSpecialElementsKeepTheirHandling() {
        let page =
            "<main><h2>A</h2><TD>1</TD><STYLE>p{background:url(missing.png)}</STYLE>"
            + "<Title><img src=x.png></Title><BASE><Link>\n<p>end</p></main>"
        let result = Self.inliner([:]).inline(page)
        #expect(
            result.html == "<main><h2>A</h2><TD>1</TD><STYLE>p{background:none}</STYLE><Title><img src=x.png></Title>\n<p>end</p></main>")
        #expect(result.problems.map(\.url) == ["missing.png"])
    }

    @Test func stylesheetMediaIsKept() {
        let result = Self.inliner(["p.css": Data("a{}".utf8)]).inline("<link rel=stylesheet media=\"print\" href=../../assets/p.css>")
        #expect(result.html == "<style media=\"print\">\na{}</style>")
    }

    @Test func urlsInAStylesheetResolveAgainstItsOwnFolder() {
        let css = """
            .a { background: url(../img/logo.png) no-repeat; }
            .b { background: url( 'bg.svg' ); }
            .c { background: url("data:image/gif;base64,R0lGOD"); }
            /* url(https://commented.example/x.png) */
            .d::before { content: "url(not-a-url)"; }
            @font-face { font-family: X; src: url("https://fonts.example/x.woff2") format("woff2"); }

            """
        let result = Self.inliner([
            "css/print.css": Data(css.utf8), "img/logo.png": Self.png, "css/bg.svg": Self.svg,
        ]).inline("<link rel=\"stylesheet\" href=\"../../assets/css/print.css\">")
        let expected = """
            <style>
            .a { background: url("\(Self.dataURI("image/png", Self.png))") no-repeat; }
            .b { background: url("\(Self.dataURI("image/svg+xml", Self.svg))"); }
            .c { background: url("data:image/gif;base64,R0lGOD"); }
            /* url(https://commented.example/x.png) */
            .d::before { content: "url(not-a-url)"; }
            @font-face { font-family: X; src: none format("woff2"); }
            </style>
            """
        #expect(result.html == expected)
        #expect(
            result.problems == [
                PrintProblem(source: "url() in assets/css/print.css", url: "https://fonts.example/x.woff2", reason: .external)
            ])
    }

    @Test func importsAreInlinedOrRemoved() {
        let main = "@import url(\"base.css\") print;\n@import 'https://cdn.example/x.css';\nmain{}\n"
        let result = Self.inliner(["main.css": Data(main.utf8), "base.css": Data("b{}".utf8)])
            .inline("<link rel=\"stylesheet\" href=\"../../assets/main.css\">")
        #expect(result.html == "<style>\n@media print {\nb{}\n}\n\nmain{}\n</style>")
        #expect(
            result.problems == [PrintProblem(source: "@import in assets/main.css", url: "https://cdn.example/x.css", reason: .external)])
    }

    @Test func importLoopsStop() {
        let result = Self.inliner(["loop.css": Data("@import \"loop.css\";\nx{}".utf8)])
            .inline("<link rel=\"stylesheet\" href=\"../../assets/loop.css\">")
        #expect(result.html == "<style>\n\nx{}\nx{}\nx{}\nx{}</style>")
        #expect(result.problems == [PrintProblem(source: "@import in assets/loop.css", url: "loop.css", reason: .importTooDeep)])
    }

    @Test func styleElementsAndAttributesResolveAgainstThePage() {
        let result = Self.inliner(["a.png": Self.png]).inline(
            "<style>.x{background:URL(../../assets/a.png)}</style><div style=\"background: url(&quot;http://x.example/b.png&quot;)\">x</div>"
        )
        #expect(
            result.html
                == "<style>.x{background:url(\"\(Self.dataURI("image/png", Self.png))\")}</style><div style=\"background: none\">x</div>")
        #expect(
            result.problems == [PrintProblem(source: "url() in style attribute of <div>", url: "http://x.example/b.png", reason: .external)]
        )
    }

    @Test func cssThatWouldCloseItsStyleElementIsEscaped() {
        let result = Self.inliner(["x.css": Data(".a::after { content: \"</style><b>\"; }".utf8)])
            .inline("<link rel=\"stylesheet\" href=\"../../assets/x.css\">")
        #expect(result.html == "<style>\n.a::after { content: \"<\\/style><b>\"; }</style>")
    }

    // MARK: - Images

    @Test(arguments: [
        ("a.svg", "image/svg+xml"), ("a.png", "image/png"), ("a.jpg", "image/jpeg"), ("a.JPEG", "image/jpeg"),
        ("a.gif", "image/gif"), ("a.webp", "image/webp"),
    ])
    func imagesBecomeDataURIsWithTheirMediaType(file: String, type: String) {
        let result = Self.inliner([file: Self.png]).inline("<img src=\"../../assets/\(file)\" alt=\"\">")
        #expect(result.html == "<img src=\"\(Self.dataURI(type, Self.png))\" alt=\"\">")
        #expect(result.problems.isEmpty)
    }

    @Test func pictureSourcesAndSVGImagesAreInlined() {
        let html = """
            <picture><source srcset="../../assets/a.webp 1x, ../../assets/b.png 2x"><img src='../../assets/b.png' srcset="https://cdn.example/b@2x.png 2x"></picture>
            <svg><image href="../../assets/logo.svg" width="10"/><use xlink:href="../../assets/logo.svg"/><use href="#dot"/></svg>
            """
        let result = Self.inliner(["a.webp": Self.png, "b.png": Self.png, "logo.svg": Self.svg]).inline(html)
        let webp = Self.dataURI("image/webp", Self.png)
        let png = Self.dataURI("image/png", Self.png)
        let svg = Self.dataURI("image/svg+xml", Self.svg)
        #expect(
            result.html == """
                <picture><source srcset="\(webp) 1x, \(png) 2x"><img src="\(png)"></picture>
                <svg><image href="\(svg)" width="10" /><use xlink:href="\(svg)" /><use href="#dot"/></svg>
                """)
        #expect(result.problems == [PrintProblem(source: "<img srcset>", url: "https://cdn.example/b@2x.png", reason: .external)])
    }

    @Test func entitiesInURLsAreDecodedBeforeResolving() {
        let result = Self.inliner(["a&b.png": Self.png]).inline("<img src=\"../../assets/a&amp;b.png\">")
        #expect(result.html == "<img src=\"\(Self.dataURI("image/png", Self.png))\">")
    }

    @Test func srcsetCandidatesParseLikeBrowsers() {
        let candidates = PrintInliner.candidates(in: " a.png 1x,b.png,  data:image/png;base64,AA== 2x , c.png (x, y) 3x")
        #expect(candidates.map(\.url) == ["a.png", "b.png", "data:image/png;base64,AA==", "c.png"])
        #expect(candidates.map(\.descriptors) == ["1x", "", "2x", "(x, y) 3x"])
    }

    // MARK: - What cannot be inlined

    @Test func externalReferencesAreRemovedAndReported() {
        let html = """
            <head>
            <link rel="icon" href="../../assets/logo.svg" type="image/svg+xml">
            <link rel="stylesheet" href="https://cdn.example/site.css">
            <link rel="preconnect" href="https://fonts.example">
            <base href="https://example.com/">
            <script src="https://cdn.example/app.js"></script>
            </head>
            <img src="https://cdn.example/a.png" alt="A"><img src="//cdn.example/b.png"><img src="HTTP://cdn.example/c.png">
            <iframe src="http://video.example/embed"></iframe><video poster="../../assets/missing.png"></video>
            <img src="../../assets/notes.txt"><img src="">
            """
        let result = Self.inliner(["notes.txt": Data("x".utf8)]).inline(html)
        #expect(
            result.html == """
                <head>
                </head>
                <img alt="A"><img><img>
                <iframe></iframe><video></video>
                <img><img>
                """)
        #expect(
            result.problems.map(\.description) == [
                "<link rel=stylesheet> \"https://cdn.example/site.css\" removed: external reference; a print page must not fetch anything",
                "<link rel=preconnect> \"https://fonts.example\" removed: external reference; a print page must not fetch anything",
                "<script src> \"https://cdn.example/app.js\" removed: scripts do not run in a print page",
                "<img src> \"https://cdn.example/a.png\" removed: external reference; a print page must not fetch anything",
                "<img src> \"//cdn.example/b.png\" removed: external reference; a print page must not fetch anything",
                "<img src> \"HTTP://cdn.example/c.png\" removed: external reference; a print page must not fetch anything",
                "<iframe src> \"http://video.example/embed\" removed: external reference; a print page must not fetch anything",
                "<video poster> \"../../assets/missing.png\" removed: no such file in the site's assets folder",
                "<img src> \"../../assets/notes.txt\" removed: not an image, font or stylesheet rapport can inline",
                "<img src> \"\" removed: not a usable URL",
            ])
    }

    @Test func repeatedProblemsAreReportedOnce() {
        let result = Self.inliner([:]).inline("<img src=\"https://x.example/a.png\"><img src=\"https://x.example/a.png\">")
        #expect(result.problems == [PrintProblem(source: "<img src>", url: "https://x.example/a.png", reason: .external)])
    }

    @Test func pathTraversalNeverReachesTheAssetReader() {
        let asked = AskedPaths()
        let inliner = PrintInliner(pagePath: Self.pagePath) { path in
            asked.record(path)
            return nil
        }
        let attempts = [
            "../../../etc/passwd.png", "../../assets/../../etc/passwd.png", "../../assets/%2e%2e/%2E%2E/%2e%2e/etc/passwd.png",
            "..%2f..%2f..%2fetc/passwd.png", "../../assets/..%5c..%5c..%5cetc%5cpasswd.png", "..\\..\\..\\etc\\passwd.png",
            "\\\\host\\share\\a.png", "/etc/passwd.png", "file:///etc/passwd.png", "../../assets/.hidden/a.png",
            "../../assets/%2ehidden.png", " ../../assets/%00.png", "../../assets/%zz.png", "../../index.html",
        ]
        let html = attempts.map { "<img src=\"\($0)\">" }.joined()
        let result = inliner.inline(html)
        #expect(asked.paths.isEmpty)
        #expect(result.html == String(repeating: "<img>", count: attempts.count))
        #expect(
            result.problems.map(\.reason) == [
                .outsideAssets, .outsideAssets, .outsideAssets, .outsideAssets, .outsideAssets, .outsideAssets,
                .external, .outsideAssets, .external, .outsideAssets, .outsideAssets, .outsideAssets, .invalid, .outsideAssets,
            ])
    }

    @Test func aDotDotThatStaysInsideAssetsIsFine() {
        #expect(AssetReference.locate("../../assets/img/../logo.svg", from: ["print", "c-1"]) == .asset("logo.svg"))
        #expect(AssetReference.locate("logo.svg?v=2#icon", from: ["assets"]) == .asset("logo.svg"))
        #expect(AssetReference.locate("../x.png", from: ["assets"]) == .outsideAssets)
        #expect(AssetReference.locate("#frag", from: []) == .unchanged)
        #expect(AssetReference.locate(" data:image/png;base64,AA", from: []) == .unchanged)
    }

    // MARK: - Links and untouched markup

    @Test func linksStayAndBecomeAbsoluteWithABaseURL() {
        let html =
            "<a href=\"../../customers/c-1/index.html\">Hub</a> <a href=\"#top\">Top</a> <a href=\"mailto:a@b.example\">Mail</a> <a href=\"https://x.example/\">X</a>"
        #expect(Self.inliner([:]).inline(html) == PrintInlineResult(html: html, problems: []))
        let absolute = Self.inliner([:], baseURL: "https://success.example/acme").inline(html)
        #expect(
            absolute.html
                == "<a href=\"https://success.example/acme/customers/c-1/index.html\">Hub</a> <a href=\"#top\">Top</a> <a href=\"mailto:a@b.example\">Mail</a> <a href=\"https://x.example/\">X</a>"
        )
        #expect(absolute.problems.isEmpty)
    }

    @Test func markupWithoutReferencesIsCopiedByteForByte() {
        let html = """
            <!DOCTYPE html>
            <!-- <img src="https://commented.example/x.png"> -->
            <html lang="de-DE"><title>a < b & <img src=x></title>
            <p class=x data-n='1' hidden>3 < 4 &amp; <b>bold</b></p>
            <script>if (a < b) { document.write("<img src=https://x.example>") }</script>
            <textarea><img src="https://x.example/t.png"></textarea>
            <svg viewBox="0 0 10 10"><path d="M0 0L10 10"/></svg></html>
            """
        #expect(Self.inliner([:]).inline(html) == PrintInlineResult(html: html, problems: []))
    }

    @Test func problemsBecomeBuildWarnings() {
        let problem = PrintProblem(source: "<img src>", url: "https://x.example/a.png", reason: .external)
        #expect(
            problem.diagnostic(at: SourceLocation(path: "Layouts/print.mustache"), customer: "C-1").description
                == "Layouts/print.mustache: warning: print page: <img src> \"https://x.example/a.png\" removed: external reference; a print page must not fetch anything (customer C-1)"
        )
    }

    @Test func cssStringsAreSafeInsideAStyleElement() {
        #expect(CSSText.quoted("Smith & \"Sons\" \\ </style>\nB") == "\"Smith & \\22 Sons\\22  \\5c  \\3c /style>\\a B\"")
        #expect(CSSText.quoted("Søren AB") == "\"Søren AB\"")
    }
}

/// The paths an asset reader was asked for, from any thread.
private final class AskedPaths: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var asked: [String] = []

    func record(_ path: String) {
        lock.withLock { asked.append(path) }
    }

    var paths: [String] {
        lock.withLock { asked }
    }
}
