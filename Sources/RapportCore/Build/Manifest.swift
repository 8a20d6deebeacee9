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

    init(inputs: String?, sources: String?, warnings: [Diagnostic], files: [ManifestEntry]) {
        self.inputs = inputs
        self.sources = sources
        self.warnings = warnings.isEmpty ? nil : warnings
        self.files = files.sorted { $0.path < $1.path }
    }

    func encoded() throws(Diagnostic) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(self)
            data.append(0x0A)
            return data
        } catch {
            throw .error("cannot encode manifest.json: \(error)", at: nil)
        }
    }
}
