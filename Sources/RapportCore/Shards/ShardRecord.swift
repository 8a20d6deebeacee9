import Foundation

/// `shard.json`, beside the manifest of a `--shard` build's output: which
/// shard it is, and a digest of the site it was built from, so `rapport
/// merge` can tell shards of one build from shards of another.
struct ShardRecord: Codable, Hashable, Sendable {
    var generator = Manifest.currentGenerator
    /// From 1 to `count`.
    var index: Int
    var count: Int
    /// `SourceDigest` of the site and options, the shard left out: the same
    /// for every shard of one build and for the merge of them.
    var sources: String

    init(shard: Shard, sources: String) {
        index = shard.index
        count = shard.count
        self.sources = sources
    }

    /// The shard, when `index` and `count` make one.
    var shard: Shard? { Shard(index: index, count: count) }

    /// The digest a shard's own manifest records: its site's, and which
    /// shard it is, so a build of another shard (or of the whole site) into
    /// its folder never counts as up to date.
    static func sources(_ siteSources: String, shard: Shard?) -> String {
        guard let shard else { return siteSources }
        return InputHasher.hash(siteSources + "|shard \(shard)")
    }

    func write(into staging: StagingDirectory) throws(Diagnostic) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try staging.write(try encoder.encode(self) + Data("\n".utf8), to: SitePaths.shardRecord)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw .error("cannot encode \(SitePaths.shardRecord): \(error)", at: nil)
        }
    }

    /// The record in `folder`; nil when there is none or it is not one.
    static func read(from folder: URL) -> ShardRecord? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(SitePaths.shardRecord)) else { return nil }
        return try? JSONDecoder().decode(ShardRecord.self, from: data)
    }
}
