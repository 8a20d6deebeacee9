import Foundation
import Testing

@testable import RapportCore

@Suite struct ManifestReaderTests {
    private static let first = Digest(hex: InputHasher.hash("first"))!
    private static let second = Digest(hex: InputHasher.hash("second"))!

    private static let warning = Diagnostic(
        .warning, at: SourceLocation(path: "Content/notes/C-1.md", line: 4, column: 7),
        "a \"quoted\" word,\nand a new line: ünïcode", customer: "C-1")

    /// Every optional part present once and absent once.
    private static let manifest = Manifest(
        inputs: InputHasher.hash("inputs"), sources: InputHasher.hash("sources"),
        warnings: [warning, Diagnostic(.warning, at: SourceLocation(path: "rapport.yml"), "no line")],
        files: [
            ManifestEntry(path: "assets/site.css", customer: nil, kind: "asset", inputs: first, sha256: first),
            ManifestEntry(
                path: "customers/c-1/newsletters/2026-11/index.html", customer: "C-1", kind: "newsletter", inputs: first,
                sha256: second, warnings: [warning, Diagnostic(.warning, at: nil, "nowhere in particular")]),
        ])

    private static func written(_ manifest: Manifest) throws -> Data {
        var data = Data()
        try manifest.write { data.append($0) }
        return data
    }

    @Test func readsBackWhatTheWriterWrites() throws {
        let read = try #require(ManifestReader.read(try Self.written(Self.manifest)))
        #expect(read.generator == Manifest.currentGenerator)
        #expect(read.inputs == Self.manifest.inputs)
        #expect(read.sources == Self.manifest.sources)
        #expect(read.warnings == Self.manifest.warnings)
        #expect(read.files == Self.manifest.files)
    }

    @Test func agreesWithJSONDecoder() throws {
        var bare = Manifest(inputs: nil, sources: nil, warnings: [], files: [])
        bare.generator = "rapport 0.0.1"
        for manifest in [Self.manifest, bare] {
            let data = try Self.written(manifest)
            let read = try #require(ManifestReader.read(data))
            let decoded = try JSONDecoder().decode(Manifest.self, from: data)
            #expect(read.generator == decoded.generator)
            #expect(read.inputs == decoded.inputs)
            #expect(read.sources == decoded.sources)
            #expect(read.warnings == decoded.warnings)
            #expect(read.files == decoded.files)
        }
    }

    @Test func ignoresKeysItDoesNotKnow() throws {
        let text = """
            {"files": [{"path": "index.html", "kind": "dashboard", "inputs": "\(Self.first)", "sha256": "\(Self.second)", "size": 12}],
             "generator": "rapport 9", "later": {"nested": [1, true, null]}}
            """
        let read = try #require(ManifestReader.read(Data(text.utf8)))
        #expect(read.generator == "rapport 9")
        #expect(read.files == [ManifestEntry(path: "index.html", customer: nil, kind: "dashboard", inputs: Self.first, sha256: Self.second)])
        #expect(read.inputs == nil)
        #expect(read.warnings == nil)
    }

    @Test(arguments: [
        "",
        "[]",
        "{\"files\": []}",
        "{\"generator\": \"rapport 9\"}",
        "{\"generator\": 9, \"files\": []}",
        "{\"generator\": \"rapport 9\", \"files\": [{\"path\": \"a\", \"kind\": \"b\", \"inputs\": \"abc\", \"sha256\": \"abc\"}]}",
        "{\"generator\": \"rapport 9\", \"files\": [], \"inputs\": 12}",
        "{\"generator\": \"rapport 9\", \"files\": [], \"warnings\": [{\"severity\": \"fatal\", \"message\": \"m\"}]}",
        "{\"generator\": \"rapport 9\", \"files\": [], \"warnings\": [{\"severity\": \"warning\", \"message\": \"m\", \"location\": {\"path\": \"p\", \"line\": 1.5}}]}",
        "{\"generator\": \"rapport 9\", \"files\": [],}",
    ])
    func refusesWhatIsNotAManifest(_ text: String) {
        #expect(ManifestReader.read(Data(text.utf8)) == nil)
    }
}
