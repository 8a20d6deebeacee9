import Foundation
import Testing

@testable import RapportCore

/// Site pages' addresses in an email are joined to the base URL instead of
/// resolved, only where that gives what resolving gives.
@Suite struct SiteAddressesTests {
    @Test(arguments: [
        "https://acme.example/", "https://acme.example/news/", "http://acme.example:8080/a/b/", "https://acme.example/a/../",
        "https://acme.example/./x/", "https://acme.example/?q=1", "https://acme.example/#top",
    ])
    func joiningMatchesResolvingWheneverItIsUsed(base: String) throws {
        let baseURL = try #require(URL(string: base))
        let paths = [
            "customers/c-1/newsletters/2026-11/index.html", "print/c-1/newsletter-2026-11.html", "customers/c_1.x/index.html",
        ]
        for path in paths {
            #expect(SiteAddresses.isPlainPath(path))
            let resolved = URL(string: path, relativeTo: baseURL)?.absoluteURL.absoluteString
            #expect(SiteAddresses.joinsPlainPaths(baseURL) == (resolved == base + path), "\(base) + \(path)")
        }
    }

    @Test func onlyPlainRelativePathsAreJoined() {
        for path in ["customers/c-1/index.html", "a", "a.b/c_d-e/f"] { #expect(SiteAddresses.isPlainPath(path), "\(path)") }
        for path in ["", "/abs", "a//b", "a/", "./a", "a/../b", "a/./b", "..", "a/...", "a b", "a?q", "a#f", "é/x", "https://x", "a%20b"] {
            #expect(!SiteAddresses.isPlainPath(path), "\(path)")
        }
    }
}
