import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Notices changes to a site's sources (Content/, Layouts/, rapport.yml).
///
/// On Linux it reads kernel file events (inotify, `InotifyWatch`): one
/// watch per folder, so a site with 100,000 notes files is not stat'ed
/// four times a second. Elsewhere, or where the kernel refuses (a file
/// system without events, no watches left), it polls modification times
/// and sizes. Either way a save by rename (write a new file, move it over
/// the old) is seen, and a burst of saves gives one callback, after the
/// sources stay unchanged for the quiet period.
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
        try await watchChanges { _ in await onChange() }
    }

    /// `watch`, telling `onChange` which files changed (paths relative to
    /// the site; `*` when the kernel lost events and anything may have).
    public func watchChanges(onChange: @Sendable (Set<String>) async -> Void) async throws {
        #if canImport(Glibc)
            if !usePolling, let events = InotifyWatch(
                folders: ["Content", "Layouts"].map { siteDirectory.appendingPathComponent($0).path },
                filesIn: siteDirectory.path)
            {
                try await watch(events, onChange: onChange)
                return
            }
        #endif
        try await poll(onChange: onChange)
    }

    /// Forces the polling watcher (for file systems without events, and its tests).
    public var usePolling = ProcessInfo.processInfo.environment["RAPPORT_WATCH_POLL"] != nil

    #if canImport(Glibc)
        /// Waits for kernel events; their file descriptor is read without
        /// blocking every 25 ms, a system call rather than a walk of the site.
        private func watch(_ events: InotifyWatch, onChange: @Sendable (Set<String>) async -> Void) async throws {
            let tick = Duration.milliseconds(25)
            let root = siteDirectory.path + "/"
            let isSource = { (path: String) -> Bool in
                guard path.hasPrefix(root) else { return false }
                let relative = String(path.dropFirst(root.count))
                if relative == "rapport.yml" { return true }
                guard relative.hasPrefix("Content/") || relative.hasPrefix("Layouts/") || relative == "Content" || relative == "Layouts"
                else { return false }
                return !relative.split(separator: "/").contains { $0.hasPrefix(".") || $0.hasSuffix("~") }
            }
            while true {
                try await Task.sleep(for: tick)
                var paths = Set<String>()
                guard events.drain(isSource: isSource, paths: &paths) else { continue }
                // Quiet period: the burst is over when no event came for that long.
                var quietSince = ContinuousClock.now
                while ContinuousClock.now - quietSince < quietPeriod {
                    try await Task.sleep(for: tick)
                    if events.drain(isSource: isSource, paths: &paths) { quietSince = ContinuousClock.now }
                }
                await onChange(Set(paths.map { $0.hasPrefix(root) ? String($0.dropFirst(root.count)) : $0 }))
            }
        }
    #endif

    /// Polls until the task is cancelled, as `watch` does without kernel events.
    func poll(onChange: @Sendable (Set<String>) async -> Void) async throws {
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
            let changed = Set(latest.keys.filter { latest[$0] != baseline[$0] } + baseline.keys.filter { latest[$0] == nil })
            baseline = latest
            await onChange(changed)
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
