import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Notices changes to a site's sources (Content/, Layouts/, rapport.yml).
///
/// It polls modification times and sizes rather than using inotify or
/// FSEvents: the same code runs everywhere, and editors that save by
/// writing a new file and renaming it over the old one are seen like any
/// other change (a kernel watch on the old file would go quiet). A burst
/// of saves gives one callback, after the files stay unchanged for the
/// quiet period.
public struct SiteWatcher: Sendable {
    /// What a file looked like at one poll.
    public struct Stamp: Sendable, Hashable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    public let siteDirectory: URL
    public var pollInterval: Duration
    public var quietPeriod: Duration

    public init(siteDirectory: URL, pollInterval: Duration = .milliseconds(250), quietPeriod: Duration = .milliseconds(200)) {
        self.siteDirectory = siteDirectory
        self.pollInterval = pollInterval
        self.quietPeriod = quietPeriod
    }

    /// Polls until the task is cancelled (then throws CancellationError),
    /// awaiting `onChange` once per settled burst. Changes made while
    /// `onChange` runs are compared with the files as they were before it,
    /// so they trigger another call.
    public func watch(onChange: @Sendable () async -> Void) async throws {
        var baseline = snapshot()
        while true {
            try await Task.sleep(for: pollInterval)
            var latest = snapshot()
            guard latest != baseline else { continue }
            while true {
                try await Task.sleep(for: quietPeriod)
                let next = snapshot()
                if next == latest { break }
                latest = next
            }
            baseline = latest
            await onChange()
        }
    }

    /// Every watched file's stamp, by path relative to the site.
    public func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for name in ["Content", "Layouts"] {
            let folder = siteDirectory.appendingPathComponent(name).path
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                let file = (relative as NSString).lastPathComponent
                // Editor droppings: swap files, backups, hidden folders.
                if file.hasPrefix(".") || file.hasSuffix("~") {
                    if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                    continue
                }
                if let stamp = Self.stamp(folder + "/" + relative) { stamps[name + "/" + relative] = stamp }
            }
        }
        if let stamp = Self.stamp(siteDirectory.appendingPathComponent("rapport.yml").path) {
            stamps["rapport.yml"] = stamp
        }
        return stamps
    }

    // MARK: - Stat

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
