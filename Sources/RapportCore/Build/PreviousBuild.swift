import Foundation

/// What the previous build wrote, read back from its manifest, so outputs
/// whose inputs have not changed are reused instead of rendered again.
///
/// Reuse is by hard link into the staging folder (a copy where links are
/// not possible), so the swap stays atomic and the result is byte for byte
/// what a clean build would write.
struct PreviousBuild: Sendable {
    let output: URL
    let entries: [String: ManifestEntry]
    /// The digest of every input of the previous build.
    let inputs: String?
    /// The digest of the bytes of every file it read.
    let sources: String?
    /// Every warning it reported.
    let warnings: [Diagnostic]

    /// `output.path`, made once: Foundation builds it anew on every call,
    /// and every reused file is looked for and linked from under it.
    let outputPath: String

    /// Reads `manifest.json` from the output folder; nil when there is none,
    /// it cannot be read, or another rapport version wrote it.
    static func load(from output: URL) -> PreviousBuild? {
        guard let manifest = ManifestReader.read(from: output), manifest.generator == Manifest.currentGenerator
        else { return nil }
        var entries: [String: ManifestEntry] = [:]
        entries.reserveCapacity(manifest.files.count)
        for entry in manifest.files { entries[entry.path] = entry }
        return PreviousBuild(
            output: output, entries: entries, inputs: manifest.inputs, sources: manifest.sources,
            warnings: manifest.warnings ?? [], outputPath: output.path)
    }

    /// The previous entry for `path` when it was made from the same inputs.
    func reusable(_ path: String, inputs: Digest) -> ManifestEntry? {
        guard let entry = entries[path], entry.inputs == inputs, Self.exists(outputPath + "/" + path)
        else { return nil }
        return entry
    }

    /// Whether every file the manifest lists is still there (nobody deleted
    /// part of the output by hand).
    ///
    /// Plain string paths: URL.appendingPathComponent per file was most of
    /// the cost. Checked in chunks on `workers` threads: one access(2) per
    /// file on one core was a third of a no-change rebuild.
    func isIntact(workers: Int) -> Bool {
        let paths = Array(entries.keys)
        let outputPath = self.outputPath
        let chunks = stride(from: 0, to: paths.count, by: 4_096).map { $0..<min($0 + 4_096, paths.count) }
        return ParallelMap.map(chunks, workers: workers) { chunk in
            paths[chunk].allSatisfy { Self.exists(outputPath + "/" + $0) }
        }.allSatisfy { $0 }
    }

    /// access(2) rather than FileManager, whose own work was a quarter of
    /// the cost of checking a large site's files (the rest is the system's).
    private static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
