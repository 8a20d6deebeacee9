import Foundation
import RapportCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps a request target to a file inside the output folder, refusing
/// everything else. It decodes the path itself and checks the real path of
/// the result against the real path of the root, so no encoding trick or
/// symlink can reach outside; FileMiddleware is not trusted with this.
public struct OutputFileResolver: Sendable {
    /// What a request target resolves to.
    public enum Resolution: Sendable, Hashable {
        /// A regular file; `relativePath` is its real path under the root.
        case file(URL, relativePath: String)
        /// A folder asked for without its trailing slash: go here instead.
        case redirect(location: String)
        case notFound
        /// A target no honest browser sends: traversal, encoded separators, control bytes.
        case badRequest
    }

    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Resolves a raw request target such as `/customers/x/?q=1`.
    public func resolve(_ target: String) -> Resolution {
        let bytes = Array(target.utf8)
        guard bytes.first == UInt8(ascii: "/"),
            !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "#") })
        else { return .badRequest }
        let rawPath: Substring
        let query: Substring?
        if let mark = target.firstIndex(of: "?") {
            rawPath = target[..<mark]
            query = target[target.index(after: mark)...]
        } else {
            rawPath = target[...]
            query = nil
        }
        guard let segments = Self.segments(of: rawPath) else { return .badRequest }
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .badRequest }
        // Dot-files and dot-folders (.git, .DS_Store, staging folders) look missing.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        guard let rootPath = Self.realPath(root.path) else { return .notFound }
        let candidate = ([rootPath] + segments).joined(separator: "/")
        guard let resolved = contained(candidate, in: rootPath), let kind = Self.kind(of: resolved) else { return .notFound }
        let trailingSlash = rawPath.hasSuffix("/")
        switch kind {
        case .directory:
            guard trailingSlash else {
                return .redirect(location: String(rawPath) + "/" + (query.map { "?" + $0 } ?? ""))
            }
            guard let index = contained(resolved + "/index.html", in: rootPath), Self.kind(of: index) == .regular else {
                return .notFound
            }
            return .file(URL(fileURLWithPath: index), relativePath: Self.relative(index, to: rootPath))
        case .regular:
            if trailingSlash { return .notFound }
            return .file(URL(fileURLWithPath: resolved), relativePath: Self.relative(resolved, to: rootPath))
        case .other:
            return .notFound
        }
    }

    /// Checks a relative path from a trusted-looking source (the manifest)
    /// with the same rules as a request: single safe segments only.
    public static func isSafeRelativePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && !part.hasPrefix(".") && !part.contains("\\") && !part.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F })
            }
    }

    // MARK: - Decoding

    /// Percent-decodes each segment once. Returns nil for malformed escapes,
    /// for escapes that produce a separator, a `%` (double encoding), a
    /// control byte, for invalid UTF-8, and for empty segments inside the
    /// path (`//etc/passwd`).
    /// The output-relative page a URL path names, as the build writes it
    /// (`/customers/x/` is `customers/x/index.html`), without touching the
    /// disk: for pages that may exist only in memory. Nil for what `resolve`
    /// would refuse.
    static func pagePath(_ target: String) -> String? {
        let rawPath = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard rawPath.hasPrefix("/"), let segments = segments(of: rawPath),
            !segments.contains(where: { $0 == "." || $0 == ".." || $0.hasPrefix(".") })
        else { return nil }
        let isFolder = rawPath.hasSuffix("/")
        return (segments + (isFolder ? ["index.html"] : [])).joined(separator: "/")
    }

    static func segments(of rawPath: Substring) -> [String]? {
        var parts = rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if parts.last == "" { parts = parts.dropLast() }
        var decoded: [String] = []
        for part in parts {
            guard !part.isEmpty, let segment = decode(part) else { return nil }
            decoded.append(segment)
        }
        return decoded
    }

    private static func decode(_ part: Substring) -> String? {
        var bytes: [UInt8] = []
        var input = Array(part.utf8)[...]
        while let byte = input.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard input.count >= 2, let high = Hex.value(of: input.popFirst()!), let low = Hex.value(of: input.popFirst()!) else { return nil }
            let value = high << 4 | low
            if value < 0x20 || value == 0x7F || value == UInt8(ascii: "/") || value == UInt8(ascii: "\\") || value == UInt8(ascii: "%") {
                return nil
            }
            bytes.append(value)
        }
        // Decoding repairs bad UTF-8 (overlong `%c0%af` and the like); a repair means a refusal.
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.utf8) == bytes ? text : nil
    }

    // MARK: - File system

    private enum Kind { case regular, directory, other }

    /// The real path of `path` if it exists and stays inside `rootPath`
    /// with no dot-named part (a symlink may point into one).
    private func contained(_ path: String, in rootPath: String) -> String? {
        guard let resolved = Self.realPath(path) else { return nil }
        if resolved == rootPath { return resolved }
        guard resolved.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") else { return nil }
        let relative = Self.relative(resolved, to: rootPath)
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return nil }
        return resolved
    }

    private static func relative(_ path: String, to rootPath: String) -> String {
        path == rootPath ? "" : String(path.dropFirst(rootPath == "/" ? 1 : rootPath.count + 1))
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}
