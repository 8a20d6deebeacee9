import Foundation

/// One shard's output as `rapport merge` reads it: its `shard.json` and
/// the entries of its manifest, grouped by customer.
struct ShardFolder: Sendable {
    /// The folder as the user typed it, for messages.
    let shown: String
    /// Its absolute path, where files are linked from.
    let path: String
    let record: ShardRecord
    let shard: Shard
    /// Each customer's files, in the manifest's (path) order.
    let entries: [String: [ManifestEntry]]

    /// Reads the shard in `shown` (relative to the current folder).
    static func read(_ shown: String) throws(Diagnostic) -> ShardFolder {
        let url = URL(fileURLWithPath: shown).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error("shard folder \(quoted(shown)) does not exist", at: nil)
        }
        let hint = "make it with rapport build --shard K/N --output \(shown)"
        guard let record = ShardRecord.read(from: url) else {
            throw .error("\(quoted(shown)) is not a shard's output: it has no readable \(SitePaths.shardRecord) (\(hint))", at: nil)
        }
        guard record.generator == Manifest.currentGenerator else {
            throw .error(
                "shard folder \(quoted(shown)) was built by \(record.generator), not \(Manifest.currentGenerator): build it again with this rapport",
                at: nil)
        }
        guard let shard = record.shard else {
            throw .error("shard folder \(quoted(shown)) names shard \(record.index)/\(record.count), which cannot be (\(hint))", at: nil)
        }
        guard let manifest = ManifestReader.read(from: url)
        else {
            throw .error("shard folder \(quoted(shown)) has no readable \(SitePaths.manifest) (\(hint))", at: nil)
        }
        var entries: [String: [ManifestEntry]] = [:]
        // A shard's manifest lists only its customers' pages; anything else
        // in it is rewritten by the merge from the site.
        for entry in manifest.files {
            if let customer = entry.customer { entries[customer, default: []].append(entry) }
        }
        return ShardFolder(shown: shown, path: url.path, record: record, shard: shard, entries: entries)
    }

    /// `"name"`, as folders are shown in messages.
    static func quoted(_ folder: String) -> String {
        "\"\(folder)\""
    }
}
