/// Where each file of an outbox lives, relative to the outbox folder.
///
/// A Maildir (`new/`, `cur/`, `tmp/`): mail tools read it as a mailbox,
/// and every message is one file a sending tool takes unchanged.
enum OutboxPaths {
    static let manifest = "manifest.json"
    /// The outbox's folder inside the site's output, by default.
    static let folder = "outbox"
    static let folders = ["cur", "new", "tmp"]

    /// `new/<slug>-<kind>-<edition>.eml`. Slugs and document names are
    /// single safe path segments, checked when the site loads.
    static func message(_ slug: String, _ document: ContentDocument) -> String {
        "new/\(slug)-\(document.kind.rawValue)-\(document.name).eml"
    }
}
