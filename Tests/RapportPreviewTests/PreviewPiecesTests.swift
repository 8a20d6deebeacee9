import Foundation
import Testing

@testable import RapportPreview

@Suite("Preview pieces")
struct PreviewPiecesTests {
    @Test("the script goes before the last </body>, in any case, or at the end")
    func injection() {
        func inject(_ page: String) -> String {
            String(decoding: HTMLInjector.inject("<S>", into: Array(page.utf8)), as: UTF8.self)
        }
        #expect(inject("<body>a</body></html>") == "<body>a<S></body></html>")
        #expect(inject("<body>a</BoDy >") == "<body>a<S></BoDy >")
        #expect(inject("<p>&lt;/body&gt;</p></body><!-- </body> -->") == "<p>&lt;/body&gt;</p></body><!-- <S></body> -->")
        #expect(inject("no end") == "no end<S>")
        #expect(inject("") == "<S>")
        let invalid: [UInt8] = [0xFF, 0x3C, 0x2F, 0x62, 0x6F, 0x64, 0x79, 0x3E]
        #expect(HTMLInjector.inject("<S>", into: invalid) == [0xFF] + Array("<S></body>".utf8))
    }

    @Test("the resolver decodes once and refuses separators, dot segments and bad escapes")
    func segments() {
        #expect(OutputFileResolver.segments(of: "/") == [])
        #expect(OutputFileResolver.segments(of: "/a/b/") == ["a", "b"])
        #expect(OutputFileResolver.segments(of: "/caf%C3%A9%20menu") == ["café menu"])
        #expect(OutputFileResolver.segments(of: "/a//b") == nil)
        #expect(OutputFileResolver.segments(of: "/a%2Fb") == nil)
        #expect(OutputFileResolver.segments(of: "/a%5cb") == nil)
        #expect(OutputFileResolver.segments(of: "/a%252e") == nil)
        #expect(OutputFileResolver.segments(of: "/a%0a") == nil)
        #expect(OutputFileResolver.segments(of: "/a%7F") == nil)
        #expect(OutputFileResolver.segments(of: "/%ff") == nil)
        #expect(OutputFileResolver.segments(of: "/a%g0") == nil)
    }

    @Test("manifest paths are accepted only as plain relative paths")
    func safeRelativePaths() {
        #expect(OutputFileResolver.isSafeRelativePath("customers/acme/index.html"))
        for bad in ["", "/etc/passwd", "../secret", "a/../b", "a//b", ".git/config", "a\\b", "a/", "a/\u{0}b"] {
            #expect(!OutputFileResolver.isSafeRelativePath(bad), "\(bad)")
        }
    }

    @Test("a missing output folder resolves nothing")
    func missingRoot() {
        let resolver = OutputFileResolver(root: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"))
        #expect(resolver.resolve("/") == .notFound)
        #expect(resolver.resolve("/index.html") == .notFound)
    }

    @Test("host names parse with ports and brackets")
    func hostNames() {
        #expect(LocalHostPolicy.hostName(in: "localhost") == "localhost")
        #expect(LocalHostPolicy.hostName(in: "localhost:8000") == "localhost")
        #expect(LocalHostPolicy.hostName(in: "[::1]:8000") == "[::1]")
        #expect(LocalHostPolicy.hostName(in: "[::1") == nil)
        #expect(LocalHostPolicy.hostName(in: "a:1:2") == nil)
        #expect(LocalHostPolicy.hostName(in: ":80") == nil)
        #expect(LocalHostPolicy.hostName(in: "localhost:123456") == nil)
    }

    @Test("content types fall back to octet-stream")
    func mediaTypes() {
        #expect(MediaType.forFile(named: "INDEX.HTML") == "text/html; charset=utf-8")
        #expect(MediaType.forFile(named: "font.woff2") == "font/woff2")
        #expect(MediaType.forFile(named: "README") == "application/octet-stream")
        #expect(MediaType.forFile(named: ".htaccess") == "application/octet-stream")
    }

    @Test("titles are unescaped and their whitespace folded")
    func titles() {
        #expect(CustomerIndex.unescape("Acme &amp; Sons &lt;3 &#39;x&#x27; &bogus; & done") == "Acme & Sons <3 'x' &bogus; & done")
    }

    @Test("the ready URL names the real port, and loopback for wildcard hosts")
    func readyURL() {
        var configuration = PreviewConfiguration(siteDirectory: URL(fileURLWithPath: "/site"))
        #expect(configuration.url(port: 49152).absoluteString == "http://127.0.0.1:49152/")
        configuration.host = "::1"
        #expect(configuration.url(port: 8000).absoluteString == "http://[::1]:8000/")
        configuration.host = "0.0.0.0"
        #expect(configuration.url(port: 8000).absoluteString == "http://127.0.0.1:8000/")
        configuration.host = "localhost"
        #expect(configuration.url(port: 8000).absoluteString == "http://localhost:8000/")
        #expect(configuration.outputDirectory.path == "/site/Output")
    }
}
