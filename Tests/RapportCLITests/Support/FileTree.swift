import Foundation

/// Every folder and file below a folder, with each file's bytes: two equal
/// trees mean nothing was added, removed or changed.
struct FileTree: Equatable, CustomStringConvertible {
    var directories: Set<String>
    var files: [String: Data]

    init(_ root: URL) {
        var directories: Set<String> = []
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: root.path) ?? [] {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                directories.insert(path)
            } else {
                files[path] = (try? Data(contentsOf: url)) ?? Data()
            }
        }
        self.directories = directories
        self.files = files
    }

    /// Paths only, sorted, for readable failures.
    var description: String {
        (directories.map { $0 + "/" } + files.keys).sorted().joined(separator: "\n")
    }
}
