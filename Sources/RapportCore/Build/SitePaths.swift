/// Where each output lives, relative to the output folder. Slugs and
/// document names are checked to be single safe path segments before they
/// get here, so these paths never leave the output folder.
///
/// Links name index.html: a bare folder link does not open its index from file://.
enum SitePaths {
    static let dashboard = "index.html"
    static let manifest = "manifest.json"
    /// Which shard a `--shard` build's output is, and of what (`ShardRecord`).
    static let shardRecord = "shard.json"

    /// The folder of a customer's web pages, `customers/<slug>/`. Slugs
    /// are never `page`, so no site page lies inside it.
    static func customerFolder(_ slug: String) -> String { "customers/\(slug)/" }

    /// The folder of a customer's print pages, `print/<slug>/`.
    static func printFolder(_ slug: String) -> String { "print/\(slug)/" }

    /// A customer's hub page.
    static func hub(_ slug: String) -> String { customerFolder(slug) + "index.html" }

    /// `customers/<slug>/newsletters/<edition>/index.html` or `.../reviews/<period>/index.html`.
    static func documentFile(_ slug: String, _ document: ContentDocument) -> String {
        customerFolder(slug) + "\(folder(document.kind))/\(document.name)/index.html"
    }

    /// `print/<slug>/newsletter-<edition>.html` or `print/<slug>/review-<period>.html`.
    static func printFile(_ slug: String, _ document: ContentDocument) -> String {
        printFolder(slug) + "\(document.kind.rawValue)-\(document.name).html"
    }

    /// The site-wide page about a document: `newsletters/<edition>/` or `reviews/<period>/`.
    static func overview(_ document: ContentDocument) -> String {
        "\(folder(document.kind))/\(document.name)/index.html"
    }

    /// Page `n` of a document's overview: the first is the overview itself.
    static func overview(_ document: ContentDocument, page: Int) -> String {
        page == 1 ? overview(document) : "\(folder(document.kind))/\(document.name)/page/\(page)/index.html"
    }

    /// Page `n` of every customer, by name.
    static func customers(page: Int) -> String { "customers/page/\(page)/index.html" }

    /// Page `n` of one of the dashboard's lists (`due-for-checkin`, `renewals`, `at-risk`),
    /// site-wide or in `manager`'s book.
    static func list(_ list: String, manager: String? = nil, page: Int) -> String {
        (manager.map { "team/\($0)/" } ?? "") + "lists/\(list)/page/\(page)/index.html"
    }

    /// Page `n` of the account managers.
    static func team(page: Int) -> String { page == 1 ? "team/index.html" : "team/page/\(page)/index.html" }

    /// An account manager's page.
    static func manager(_ slug: String) -> String { "team/\(slug)/index.html" }

    /// Page `n` of an account manager's book.
    static func managerBook(_ slug: String, page: Int) -> String { "team/\(slug)/page/\(page)/index.html" }

    private static func folder(_ kind: ContentDocument.Kind) -> String {
        kind == .review ? "reviews" : "newsletters"
    }
}
