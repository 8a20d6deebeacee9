import Foundation

/// The sample site (`rapport.yml`, `Content/`, `Layouts/` at the root of
/// the repository), embedded so `rapport init` works from any install.
public enum SampleSite {
    /// Paths of the embedded files, sorted.
    public static var paths: [String] { files.map(\.path) }

    /// The contents of one embedded file.
    public static func contents(of path: String) -> Data? {
        files.first { $0.path == path }.flatMap { Data(base64Encoded: $0.base64) }
    }

    /// Writes the sample into `directory`, which must not exist or be empty.
    /// Returns the number of files written.
    @discardableResult
    public static func write(to directory: URL) throws -> Int {
        let fileManager = FileManager.default
        if let existing = try? fileManager.contentsOfDirectory(atPath: directory.path), !existing.isEmpty {
            throw SampleSiteError.notEmpty(directory.path)
        }
        for (path, base64) in files {
            guard let data = Data(base64Encoded: base64) else { throw SampleSiteError.corrupt(path) }
            let file = directory.appendingPathComponent(path)
            try fileManager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        return files.count
    }
}

/// Why `rapport init` could not write the sample.
public enum SampleSiteError: Error, Equatable, CustomStringConvertible {
    case notEmpty(String)
    case corrupt(String)

    public var description: String {
        switch self {
        case .notEmpty(let path): return "\(path) exists and is not empty; choose a new folder"
        case .corrupt(let path): return "the embedded sample file \(path) is damaged"
        }
    }
}
