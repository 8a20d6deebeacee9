import Foundation
import Testing

@testable import RapportCore

/// A previous output counts as intact only if every file its manifest lists
/// is there; the check runs in chunks on several threads.
@Suite struct PreviousBuildTests {
    private static func previous(listing count: Int, in folder: URL) throws -> PreviousBuild {
        let digest = InputHasher.digest("page")
        var entries: [String: ManifestEntry] = [:]
        for index in 0..<count {
            let path = "customers/c-\(index)/index.html"
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("customers/c-\(index)"), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: folder.appendingPathComponent(path).path, contents: nil)
            entries[path] = ManifestEntry(path: path, customer: "c-\(index)", kind: "customer", inputs: digest, sha256: digest)
        }
        return PreviousBuild(output: folder, entries: entries, inputs: nil, sources: nil, warnings: [], outputPath: folder.path)
    }

    @Test func everyListedFileThereIsIntactAndAnyOneMissingIsNot() throws {
        let folder = Fixtures.temporaryDirectory()
        // More files than one chunk of the check holds, so several threads share it.
        let previous = try Self.previous(listing: 9_000, in: folder)
        #expect(previous.isIntact(workers: 2))
        #expect(previous.isIntact(workers: 1))
        for missing in [0, 4_500, 8_999] {
            let file = folder.appendingPathComponent("customers/c-\(missing)/index.html")
            try FileManager.default.removeItem(at: file)
            #expect(!previous.isIntact(workers: 2), "c-\(missing) removed")
            FileManager.default.createFile(atPath: file.path, contents: nil)
        }
        #expect(previous.isIntact(workers: 2))
    }
}
