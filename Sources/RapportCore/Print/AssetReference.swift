/// Where a URL in a print page points, decided without touching the disk.
///
/// Percent-escapes are decoded before `..` is applied (`%2e%2e` is `..`, as in
/// browsers) and backslashes count as slashes, so no spelling of a path can
/// climb out of the output folder; only paths that land inside `assets/`,
/// with no hidden names, are ever handed to the asset reader.
enum AssetReference: Equatable {
    /// Nothing is fetched: a `data:` URI or a fragment (`#id`).
    case unchanged
    /// A published asset: its path below `assets/`.
    case asset(String)
    /// An absolute URL or a protocol-relative one (`//host/...`).
    case external
    /// A relative or root-relative path that is not a published asset.
    case outsideAssets
    /// Empty, or broken percent-escapes.
    case invalid

    /// Resolves `url` against `directory` (segments below the output folder).
    static func locate(_ url: String, from directory: [String]) -> AssetReference {
        let decoded: String
        if isPlainRelativePath(url) {
            // Nothing below would change it; the Foundation calls were most
            // of the print inliner's time on rapport's own asset links.
            decoded = url
        } else {
            // Browsers strip surrounding spaces and drop tabs and newlines anywhere in a URL.
            var text = url.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
            text.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if text.isEmpty { return .invalid }
            if text.hasPrefix("#") { return .unchanged }
            text = text.replacingOccurrences(of: "\\", with: "/")
            if text.lowercased().hasPrefix("data:") { return .unchanged }
            if text.hasPrefix("//") || URLText.hasScheme(text) { return .external }
            if text.hasPrefix("/") { return .outsideAssets }
            if let end = text.firstIndex(where: { $0 == "?" || $0 == "#" }) {
                text = String(text[..<end])
            }
            guard let percentDecoded = text.removingPercentEncoding else { return .invalid }
            decoded = percentDecoded
        }
        var segments = directory
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".":
                continue
            case "..":
                if segments.isEmpty { return .outsideAssets }
                segments.removeLast()
            default:
                segments.append(String(segment))
            }
        }
        guard segments.count >= 2, segments[0] == "assets" else { return .outsideAssets }
        let inner = segments.dropFirst()
        guard inner.allSatisfy(isPublishedName) else { return .outsideAssets }
        return .asset(inner.joined(separator: "/"))
    }

    /// A non-empty relative path of ASCII letters, digits, `.`, `-`, `_`
    /// and `/` not at the start: no spaces, `\`, `:`, `?`, `#` or `%`, so
    /// trimming, scheme, query and percent-decoding would all leave it as is.
    static func isPlainRelativePath(_ url: String) -> Bool {
        guard let first = url.utf8.first, first != UInt8(ascii: "/") else { return false }
        return url.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"):
                return true
            default:
                return false
            }
        }
    }

    /// A name the asset copier publishes: not hidden, no separators, no NUL.
    /// Bytes, not Foundation's `contains`: every reference of every print page asks.
    static func isPublishedName<S: StringProtocol>(_ name: S) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && !name.utf8.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == 0 }
    }
}
