import CRapportSupport
import Foundation

#if canImport(Glibc)
import Glibc
/// write(2); the name is taken by this file's own `write` methods.
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
/// write(2); the name is taken by this file's own `write` methods.
private let systemWrite = Darwin.write
#endif

/// A hidden folder beside the output where a build writes everything, then
/// swaps into place in one rename, so a failed or interrupted build leaves
/// the previous output exactly as it was.
final class StagingDirectory: @unchecked Sendable {
    // @unchecked: `url` and `output` never change; file writes go to distinct paths.
    let url: URL
    let output: URL
    /// `url.path`, made once: Foundation builds it anew on every call.
    private let path: String

    /// Creates the staging folder, first removing any left by a build that was killed.
    init(for output: URL) throws(Diagnostic) {
        self.output = output
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).rapport-staging-"
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            for name in try fileManager.contentsOfDirectory(atPath: parent.path) where name.hasPrefix(prefix) {
                try? fileManager.removeItem(at: parent.appendingPathComponent(name))
            }
            url = parent.appendingPathComponent("\(prefix)\(ProcessInfo.processInfo.processIdentifier)")
            try fileManager.createDirectory(at: url, withIntermediateDirectories: false)
            path = url.path
        } catch {
            throw .error("cannot create a staging folder beside the output: \(error.localizedDescription)", at: SourceLocation(path: output.path))
        }
    }

    /// Writes `data` at `relativePath` (whose parts were validated as safe).
    func write(_ data: Data, to relativePath: String) throws(Diagnostic) {
        let failure = data.withUnsafeBytes { bytes in Self.catching { () throws(Diagnostic) in try write(bytes, to: relativePath) } }
        if let failure { throw failure }
    }

    /// Writes `bytes` at `relativePath` (whose parts were validated as safe),
    /// making its folder top-down from what `folders` knows.
    func write(_ bytes: [UInt8], to relativePath: String, folders: inout KnownFolders) throws(Diagnostic) {
        if let failure = makeParentFolder(of: relativePath, folders: &folders) { throw writeError(relativePath, errno: failure) }
        let failure = bytes.withUnsafeBytes { bytes in
            Self.catching { () throws(Diagnostic) in try write(bytes, to: relativePath, folderMade: true) }
        }
        if let failure { throw failure }
    }

    /// The folders a render worker knows to exist in the staging folder.
    ///
    /// With them a customer's folders are made top-down, one mkdir(2) each
    /// that succeeds, and a page in a folder already made needs none; making
    /// the deepest folder first failed twice for every customer's first page,
    /// and the hub's folder was asked for again (together 4% of a build's
    /// CPU). A worker forgets a customer's folders when it moves on, or the
    /// set would grow with the customer book; top-level folders (`customers`,
    /// `print`) it keeps.
    struct KnownFolders {
        private var topLevel: Set<Substring> = []
        private var current: Set<Substring> = []

        init() {}

        /// Forgets every folder below the top level.
        mutating func forgetCustomer() {
            current.removeAll(keepingCapacity: true)
        }

        func contains(_ folder: Substring) -> Bool {
            current.contains(folder) || topLevel.contains(folder)
        }

        mutating func insert(_ folder: Substring) {
            if folder.utf8.contains(UInt8(ascii: "/")) { current.insert(folder) } else { topLevel.insert(folder) }
        }
    }

    /// Makes the folder `relativePath` sits in and every missing folder
    /// above it, top-down from the deepest one `folders` knows; the errno
    /// of a failure, else nil.
    private func makeParentFolder(of relativePath: String, folders: inout KnownFolders) -> Int32? {
        guard let slash = relativePath.lastIndex(of: "/") else { return nil }
        let folder = relativePath[..<slash]
        guard !folders.contains(folder) else { return nil }
        var end = folder.startIndex
        while end < folder.endIndex {
            end = folder[folder.index(after: end)...].firstIndex(of: "/") ?? folder.endIndex
            let prefix = folder[..<end]
            if folders.contains(prefix) { continue }
            // Another worker may have made a top-level folder first.
            guard mkdir(path + "/" + prefix, 0o777) == 0 || errno == EEXIST else { return errno }
            folders.insert(prefix)
        }
        return nil
    }

    /// Writes `text` as UTF-8 at `relativePath` (whose parts were validated as safe).
    func write(_ text: String, to relativePath: String) throws(Diagnostic) {
        var text = text
        let failure = text.withUTF8 { bytes in
            Self.catching { () throws(Diagnostic) in try write(UnsafeRawBufferPointer(bytes), to: relativePath) }
        }
        if let failure { throw failure }
    }

    /// One open/write/close with no intermediate copy: a build writes five
    /// files per customer, and Foundation's Data.write and a folder check per
    /// file were 5% of a build's CPU. Modes are Foundation's (0666 and 0777
    /// less the umask).
    private func write(_ bytes: UnsafeRawBufferPointer, to relativePath: String, folderMade: Bool = false) throws(Diagnostic) {
        let file = path + "/" + relativePath
        if !folderMade, let failure = createParentFolder(of: file) { throw writeError(relativePath, errno: failure) }
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw writeError(relativePath) }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let error = writeError(relativePath)
                close(descriptor)
                throw error
            }
            offset += written
        }
        guard close(descriptor) == 0 else { throw writeError(relativePath) }
    }

    /// The error `body` throws, if any (the closures of `withUTF8` and
    /// `withUnsafeBytes` cannot pass a typed error through).
    private static func catching(_ body: () throws(Diagnostic) -> Void) -> Diagnostic? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    private func writeError(_ relativePath: String, errno code: Int32 = errno) -> Diagnostic {
        .error("cannot write \(relativePath): \(String(cString: strerror(code)))", at: SourceLocation(path: output.path))
    }

    /// Creates the folder `path` sits in; the errno of a failure, else nil.
    private func createParentFolder(of path: String) -> Int32? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return createFolder(String(path[..<slash]))
    }

    /// mkdir(2), then the parent first when it is missing: most folders of a
    /// build are new (one per customer) and their parents already made, so
    /// this is one system call where FileManager checked every component.
    /// A path that exists but is not a folder fails at the file's open(2).
    private func createFolder(_ folder: String) -> Int32? {
        guard mkdir(folder, 0o777) != 0 else { return nil }
        switch errno {
        case EEXIST:
            return nil
        case ENOENT where folder.utf8.count > path.utf8.count:
            guard let slash = folder.lastIndex(of: "/") else { return ENOENT }
            if let failure = createFolder(String(folder[..<slash])) { return failure }
            return mkdir(folder, 0o777) == 0 || errno == EEXIST ? nil : errno
        default:
            return errno
        }
    }

    /// Creates the (empty) folder `relativePath`.
    func makeFolder(_ relativePath: String) throws(Diagnostic) {
        if let failure = createFolder(path + "/" + relativePath) { throw writeError(relativePath, errno: failure) }
    }

    /// Links the output's folder `relativePath` (the outbox `rapport
    /// outbox` writes into Output/) into the staged site, so a rebuild of
    /// the site does not delete it. Does nothing when there is none.
    func carryOver(_ relativePath: String) throws(Diagnostic) {
        let source = output.path + "/" + relativePath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder), isFolder.boolValue else { return }
        try makeFolder(relativePath)
        for item in (FileManager.default.subpaths(atPath: source) ?? []).sorted() {
            let path = relativePath + "/" + item
            var itemIsFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: output.path + "/" + path, isDirectory: &itemIsFolder)
            if itemIsFolder.boolValue { try makeFolder(path) } else { try reuse(path, from: output.path) }
        }
    }

    /// Removes a file written earlier (one a later check turned out to leave out).
    func remove(_ relativePath: String) {
        unlink(path + "/" + relativePath)
    }

    /// Writes the file at `relativePath` piece by piece, for files too large
    /// to hold whole (the manifest of a large site).
    func write(to relativePath: String, _ produce: (_ output: (Data) throws -> Void) throws -> Void) throws(Diagnostic) {
        let file = url.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            try produce { try handle.write(contentsOf: $0) }
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw .error("cannot write \(relativePath): \(error.localizedDescription)", at: SourceLocation(path: output.path))
        }
    }

    /// Places the previous build's file at `relativePath` without rendering
    /// it again: a hard link when possible, else a copy. Plain paths and
    /// mkdir(2), as for written files: URL appending and FileManager's folder
    /// check were an eighth of a one-customer rebuild, which reuses every
    /// other page. `previousOutput` is the previous output folder's path.
    func reuse(_ relativePath: String, from previousOutput: String, folders: inout KnownFolders) throws(Diagnostic) {
        if let failure = makeParentFolder(of: relativePath, folders: &folders) {
            throw reuseError(relativePath, String(cString: strerror(failure)))
        }
        try reuse(relativePath, from: previousOutput, folderMade: true)
    }

    func reuse(_ relativePath: String, from previousOutput: String, folderMade: Bool = false) throws(Diagnostic) {
        let source = previousOutput + "/" + relativePath
        let file = path + "/" + relativePath
        if !folderMade, let failure = createParentFolder(of: file) {
            throw reuseError(relativePath, String(cString: strerror(failure)))
        }
        guard link(source, file) != 0 else { return }
        do {
            try FileManager.default.copyItem(atPath: source, toPath: file)
        } catch {
            throw reuseError(relativePath, error.localizedDescription)
        }
    }

    private func reuseError(_ relativePath: String, _ reason: String) -> Diagnostic {
        .error("cannot reuse \(relativePath) from the previous build: \(reason)", at: SourceLocation(path: output.path))
    }

    /// Puts the staged site where the output was, atomically where the
    /// system allows, and removes the old one.
    func commit() throws(Diagnostic) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw .error("the output path exists and is not a folder", at: SourceLocation(path: output.path))
        }
        if !exists {
            guard rename(url.path, output.path) == 0 else {
                throw .error("cannot move the new site into place: \(String(cString: strerror(errno)))", at: SourceLocation(path: output.path))
            }
            return
        }
        guard Self.exchange(url.path, output.path) else {
            throw .error("cannot swap the new site into place: \(String(cString: strerror(errno)))", at: SourceLocation(path: output.path))
        }
        // After the exchange the staging path holds the previous output.
        try? fileManager.removeItem(at: url)
    }

    /// Removes the staging folder (after a failure or cancellation).
    func discard() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Swaps two paths in one step (Linux renameat2, macOS renamex_np); falls
    /// back to two renames where neither exists.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        // Not every file system supports the exchange (some network mounts).
        if rapport_exchange_paths(first, second) == 0 { return true }
        let aside = second + ".rapport-old-\(ProcessInfo.processInfo.processIdentifier)"
        guard rename(second, aside) == 0 else { return false }
        guard rename(first, second) == 0 else {
            _ = rename(aside, second)
            return false
        }
        return rename(aside, first) == 0
    }
}
