import Testing

@testable import RapportCore

@Suite struct ManifestSortTests {
    private static let digest = Digest(hex: InputHasher.hash("inputs"))!

    private static func entries(_ paths: [String]) -> [ManifestEntry] {
        paths.map { ManifestEntry(path: $0, customer: nil, kind: "asset", inputs: digest, sha256: digest) }
    }

    /// Orders with fixed points, two-cycles and one long cycle, and the
    /// empty and one-entry lists: each sorted as `Array.sort` sorts it.
    @Test(arguments: [
        [], ["a"], ["b", "a"], ["a", "b", "c"], ["c", "a", "b"],
        ["index.html", "customers/b/index.html", "assets/x.css", "customers/a/index.html", "team/index.html", "customers/a-b/index.html"],
        (0..<200).map { "p/\(($0 * 73) % 200)" },
    ])
    func sortsLikeTheStandardSort(_ paths: [String]) {
        var files = Self.entries(paths)
        Manifest.sortByPath(&files)
        #expect(files == Self.entries(paths.sorted()))
    }
}
