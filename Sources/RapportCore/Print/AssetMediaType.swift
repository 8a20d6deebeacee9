/// The media types rapport inlines into print pages, by file extension.
enum AssetMediaType {
    /// The `data:` URI media type for `path`, or nil when it is not one we inline.
    static func forPath(_ path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return types[path[path.index(after: dot)...].lowercased()]
    }

    private static let types: [String: String] = [
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "css": "text/css",
    ]
}
