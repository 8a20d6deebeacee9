import Foundation

/// The absolute addresses of the site's pages, for links in an email
/// (there is no site around a message to resolve relative ones).
///
/// Site paths (`SitePaths`) are slugs and fixed names, so joining them to
/// the base is what resolving them gives whenever the base resolves
/// plainly; a probe made once shows whether it does (a base with dot
/// segments, a query or a fragment does not). Joining saves two URL parses
/// a message; anything else is resolved by `URL`.
struct SiteAddresses: Sendable {
    /// `site.base_url`, ending in `/`.
    let baseURL: URL
    /// `baseURL` as written.
    let base: String
    private let joinsPlainPaths: Bool

    init(baseURL: URL) {
        self.baseURL = baseURL
        base = baseURL.absoluteString
        joinsPlainPaths = Self.joinsPlainPaths(baseURL)
    }

    /// A page of the site (`SitePaths`, relative) as an absolute address.
    func absolute(_ path: String) -> String {
        if joinsPlainPaths, Self.isPlainPath(path) { return base + path }
        return URL(string: path, relativeTo: baseURL)?.absoluteURL.absoluteString ?? path
    }

    /// Whether a plain path resolved against `baseURL` is the two joined.
    static func joinsPlainPaths(_ baseURL: URL) -> Bool {
        let probe = "a/b.html"
        return URL(string: probe, relativeTo: baseURL)?.absoluteURL.absoluteString == baseURL.absoluteString + probe
    }

    /// Segments of letters, digits, "-", "_" and "." that are not "." or
    /// "..", joined by single "/", not starting with one.
    static func isPlainPath(_ path: String) -> Bool {
        var segmentStart = true
        var segmentIsDots = true
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                if segmentStart || segmentIsDots { return false }
                (segmentStart, segmentIsDots) = (true, true)
                continue
            case UInt8(ascii: "."):
                break
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"):
                segmentIsDots = false
            default:
                return false
            }
            segmentStart = false
        }
        return !segmentStart && !segmentIsDots
    }
}
