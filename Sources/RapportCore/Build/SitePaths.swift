/// Where each output lives, relative to the output folder. Slugs and
/// edition names are checked to be single safe path segments before they
/// get here, so these paths never leave the output folder.
enum SitePaths {
    static let dashboard = "index.html"
    static let manifest = "manifest.json"

    // Links name index.html: a bare folder link does not open its index from file://.
    static func hub(_ slug: String) -> String { hubFile(slug) }
    static func hubFile(_ slug: String) -> String { "customers/\(slug)/index.html" }
    static func newsletter(_ slug: String, _ edition: String) -> String { newsletterFile(slug, edition) }
    static func newsletterFile(_ slug: String, _ edition: String) -> String { "customers/\(slug)/newsletters/\(edition)/index.html" }
    static func edition(_ edition: String) -> String { editionFile(edition) }
    static func editionFile(_ edition: String) -> String { "newsletters/\(edition)/index.html" }
}
