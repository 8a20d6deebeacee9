import Foundation
import TestSupport
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
        try manifest.write({ data.append($0) }) { path, _ in Issue.record("a small manifest wrote part \(path)") }
        return data
    }

    /// `manifest` written with parts of at most about `partBytes`: the
    /// main file and each part by path.
    private static func split(_ manifest: Manifest, partBytes: Int) throws -> (main: Data, parts: [String: Data]) {
        var main = Data()
        var parts: [(String, Data)] = []
        try manifest.write({ main.append($0) }, partBytes: partBytes) { parts.append(($0, $1)) }
        #expect(parts.map(\.0) == (0..<parts.count).map { Manifest.partPath($0 + 2) }, "parts are written in order")
        return (main, Dictionary(uniqueKeysWithValues: parts))
    }

    /// Many entries: a large site's manifest in miniature.
    private static let many = Manifest(
        inputs: InputHasher.hash("inputs"), sources: nil, warnings: [warning],
        files: (1...40).map {
            ManifestEntry(
                path: "customers/c-\($0)/index.html", customer: "C-\($0)", kind: "customer", inputs: first, sha256: second,
                warnings: $0 == 7 ? [warning] : nil)
        })

    @Test func readsBackWhatTheWriterWrites() throws {
        let read = try #require(ManifestReader.read(try Self.written(Self.manifest)))
        #expect(read.generator == Manifest.currentGenerator)
        #expect(read.inputs == Self.manifest.inputs)
        #expect(read.sources == Self.manifest.sources)
        #expect(read.warnings == Self.manifest.warnings)
        #expect(read.files == Self.manifest.files)
    }

    /// Past `partBytes` the entries go on in part files that `manifest.json`
    /// lists, each about that size, and together they read back whole.
    @Test func aLargeManifestIsWrittenInPartsAndReadBackWhole() throws {
        let (main, parts) = try Self.split(Self.many, partBytes: 1500)
        #expect(parts.count >= 3)
        for data in [main] + parts.values.map({ $0 }) {
            // A file ends with the entry that fills it: the largest here (with a warning) is under 1,000 bytes.
            #expect(data.count < 1500 + 1000, "no file is much larger than a part")
        }
        let read = try #require(ManifestReader.read(main) { parts[$0] })
        #expect(read.files == Self.many.files)
        #expect(read.inputs == Self.many.inputs)
        #expect(read.warnings == Self.many.warnings)

        // Each file is plain JSON, as JSONEncoder writes it.
        struct Part: Codable, Equatable { var files: [ManifestEntry] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var listed = try JSONDecoder().decode(Manifest.self, from: main).files
        for path in (0..<parts.count).map({ Manifest.partPath($0 + 2) }) {
            let data = try #require(parts[path])
            let part = try JSONDecoder().decode(Part.self, from: data)
            #expect(data == (try encoder.encode(part)) + Data("\n".utf8))
            listed += part.files
        }
        #expect(listed == Self.many.files)
        #expect(String(decoding: main, as: UTF8.self).contains("\"parts\" : [\n    \"manifest/files-0002.json\","))

        // From an output folder, as the next build and the preview read it.
        let output = TemporaryFolders.unusedPath("manifest-parts")
        defer { try? FileManager.default.removeItem(at: output) }
        try FileManager.default.createDirectory(at: output.appendingPathComponent("manifest"), withIntermediateDirectories: true)
        try main.write(to: output.appendingPathComponent(SitePaths.manifest))
        for (path, data) in parts { try data.write(to: output.appendingPathComponent(path)) }
        #expect(ManifestReader.read(from: output)?.files == Self.many.files)
        #expect(OutputManifest.files(in: output).map(\.path) == Self.many.files.map(\.path))
    }

    @Test func aManifestWhosePartsAreMissingOrForeignIsRefused() throws {
        let (main, parts) = try Self.split(Self.many, partBytes: 1500)
        #expect(ManifestReader.read(main) == nil, "no part to read")
        #expect(ManifestReader.read(main) { $0 == Manifest.partPath(3) ? nil : parts[$0] } == nil, "one part missing")
        let foreign = String(decoding: main, as: UTF8.self).replacingOccurrences(of: "manifest/files-0002.json", with: "../secrets.json")
        #expect(ManifestReader.read(Data(foreign.utf8)) { parts[$0] ?? Data("{\"files\": []}".utf8) } == nil, "a path it does not write")
    }

    /// A build that fills exactly one file writes no empty part.
    @Test func noPartIsEverEmpty() throws {
        for partBytes in stride(from: 200, through: 4000, by: 97) {
            let (main, parts) = try Self.split(Self.many, partBytes: partBytes)
            #expect(parts.values.allSatisfy { (try? JSONDecoder().decode([String: [ManifestEntry]].self, from: $0))?["files"]?.isEmpty == false })
            #expect(ManifestReader.read(main) { parts[$0] }?.files == Self.many.files, "parts of \(partBytes) bytes")
        }
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
