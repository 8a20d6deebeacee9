import Foundation
import Testing

/// Every file below a folder and its bytes, for whole-output comparisons.
struct FolderSnapshot: Equatable {
    var files: [String: Data]

    init(_ folder: URL) {
        var files: [String: Data] = [:]
        let paths = FileManager.default.subpaths(atPath: folder.path) ?? []
        for path in paths {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try? Data(contentsOf: url)
            }
        }
        self.files = files
    }

    /// Compares `actual` with the golden folder: a missing file, an
    /// unexpected file and a changed file each fail. With RECORD_GOLDEN=1
    /// the golden folder is rewritten and the test fails, so recording is
    /// never mistaken for passing.
    static func expectMatchesGolden(_ actual: URL, golden: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: actual, to: golden)
            Issue.record("recorded golden files at \(golden.path); run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        let expected = FolderSnapshot(golden)
        let got = FolderSnapshot(actual)
        #expect(!expected.files.isEmpty, "no golden files at \(golden.path); record with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        let missing = Set(expected.files.keys).subtracting(got.files.keys).sorted()
        let unexpected = Set(got.files.keys).subtracting(expected.files.keys).sorted()
        #expect(missing.isEmpty, "missing outputs: \(missing)", sourceLocation: sourceLocation)
        #expect(unexpected.isEmpty, "unexpected outputs: \(unexpected)", sourceLocation: sourceLocation)
        for path in expected.files.keys.sorted() {
            guard let actualData = got.files[path], let expectedData = expected.files[path] else { continue }
            if actualData != expectedData {
                let actualText = String(decoding: actualData, as: UTF8.self)
                let expectedText = String(decoding: expectedData, as: UTF8.self)
                Issue.record(
                    "\(path) differs from golden:\n\(firstDifference(expectedText, actualText))",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// The first differing line, for a readable failure.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "<end of file>"
            let b = index < right.count ? String(right[index]) : "<end of file>"
            if a != b { return "line \(index + 1):\n  expected: \(a)\n  actual:   \(b)" }
        }
        return "(same lines, different bytes)"
    }
}
