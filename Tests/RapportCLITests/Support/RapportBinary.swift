import Foundation

/// Finds the `rapport` executable built by `swift build`: the tests run it
/// as a subprocess because a test target cannot link an executable target.
enum RapportBinary {
    /// The package root, four levels above this file (Tests/RapportCLITests/Support/).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The first executable `rapport` among the candidates, or nil.
    static let url: URL? = candidates.first { isExecutableFile($0) }

    /// The test bundle's folder and its parents (where SwiftPM puts
    /// products), then `.build/debug` under the package root.
    static var candidates: [URL] {
        var folders: [URL] = []
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            folders.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        folders.append(packageRoot.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("rapport") }
    }

    /// Why the binary could not be found, naming every place looked at.
    static var notFoundMessage: String {
        "the rapport executable was not found; run `swift build` first (looked at: "
            + candidates.map(\.path).joined(separator: ", ") + ")"
    }

    // MARK: - Private

    // A folder is "executable" to access(2) too, so check for a regular file.
    private static func isExecutableFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }
}
