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
    static func sortByPath(_ files: inout [ManifestEntry]) {
        files.sort { $0.path < $1.path }
    }

    /// The whole file at once; large sites use `write(to:)`.

    /// Produces the file in pieces, the same bytes `JSONEncoder` gives with
    /// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` plus a final
    /// newline. Written by hand because the encoder builds the whole
    /// document in memory first, several times the size of the entries.
    func write(_ output: (Data) throws -> Void) throws(Diagnostic) {
        var writer = ManifestJSONWriter()
        do {
            try writer.write(self, to: output)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw .error("cannot encode manifest.json: \(error)", at: nil)
        }
    }
}
