import Foundation

/// `manifest.json`: every file written, the customer it belongs to, and a
/// hash of its inputs, sorted by path so the same build gives the same bytes.
struct Manifest: Codable {
    static let currentGenerator = "rapport \(RapportVersion.current)"

    var generator = Manifest.currentGenerator
    /// A digest of every input of the build; equal digests mean nothing to do.
    var inputs: String?
    /// The bytes of every file the build read (`SourceDigest`).
    var sources: String?
    /// Every warning of the build, replayed when the next one has nothing to do.
    var warnings: [Diagnostic]?
    var files: [ManifestEntry]

    /// A manifest of `files`, which the caller sorts with `sortByPath`: in
    /// place, because a sorted copy of a large site's entries would double them.
    init(inputs: String?, sources: String?, warnings: [Diagnostic], files: [ManifestEntry]) {
        self.inputs = inputs
        self.sources = sources
        self.warnings = warnings.isEmpty ? nil : warnings
        self.files = files
    }

    /// The order entries are listed in, so the same build gives the same bytes.
    ///
    /// Sorts positions, then moves each entry once along the permutation's
    /// cycles: `Array.sort` takes a scratch buffer of half the entries
    /// (30 MB at 100,000 customers, at the build's highest point), positions
    /// cost 4 bytes an entry.
    static func sortByPath(_ files: inout [ManifestEntry]) {
        var order = files.indices.map { Int32($0) }
        order.sort { files[Int($0)].path < files[Int($1)].path }
        // `order[i]` is the entry that belongs at `i`; -1 marks a place filled.
        for start in order.indices where order[start] >= 0 {
            let held = files[start]
            var place = start
            while true {
                let source = Int(order[place])
                order[place] = -1
                if source == start {
                    files[place] = held
                    break
                }
                files[place] = files[source]
                place = source
            }
        }
    }

    /// About this many bytes of entries go in one file: `manifest.json`
    /// holds the first of them, and the rest go on in part files under
    /// `manifest/`, listed in order under `parts`. A site of 100,000
    /// customers lists half a million files (150 MB of JSON), and no output
    /// file may grow with the site (issue 11: none over 5 MB). A site
    /// under about 13,000 files has no parts, and its manifest is as before.
    static let partBytes = 4_000_000

    /// The `number`th file of entries (`manifest.json` is the first).
    static func partPath(_ number: Int) -> String {
        "manifest/files-\(String.zeroPadded(number, width: 4)).json"
    }

    /// Produces the file in pieces, the same bytes `JSONEncoder` gives with
    /// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` plus a final
    /// newline, and hands each part file whole to `writePart` (path, bytes).
    /// Written by hand because the encoder builds the whole document in
    /// memory first, several times the size of the entries.
    func write(
        _ output: (Data) throws -> Void, partBytes: Int = Manifest.partBytes, writePart: (String, Data) throws -> Void
    ) throws(Diagnostic) {
        var entries = ManifestEntryList(files)
        try write(output, entries: &entries, partBytes: partBytes, writePart: writePart)
    }

    /// Writes the file as `write(_:partBytes:writePart:)` does, listing
    /// the entries `entries` hands over instead of `files`.
    func write(
        _ output: (Data) throws -> Void, entries: inout some ManifestEntrySource, partBytes: Int = Manifest.partBytes,
        writePart: (String, Data) throws -> Void
    ) throws(Diagnostic) {
        var writer = ManifestJSONWriter()
        writer.partBytes = partBytes
        do {
            try writer.write(self, entries: &entries, to: output, writePart: writePart)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw .error("cannot encode manifest.json: \(error)", at: nil)
        }
    }
}
