import Foundation
import TestSupport
import Testing

@testable import RapportPreview

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Site watcher")
struct SiteWatcherTests {
    /// A site folder with one file in each watched place and some files to ignore.
    private func makeSite() throws -> URL {
        let site = TemporaryFolders.unusedPath("rapport-watch")
        for (path, text) in [
            ("Content/newsletters/2026-11.md", "# Hello\n"), ("Layouts/base.mustache", "{{$body}}{{/body}}\n"),
            ("rapport.yml", "title: T\n"),
            ("Content/.2026-11.md.swp", "swap"), ("Content/notes.md~", "backup"), ("Content/.hidden/x.md", "x"),
            ("Output/index.html", "out"),
        ] {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return site
    }

    /// Starts the watcher, lets `edit` change the site, then `check` the
    /// number of callbacks while the watcher is still running.
    private func watch(
        _ site: URL, quietPeriod: Duration = .milliseconds(200), polling: Bool = false,
        edit: (Counter) async throws -> Void, check: (Counter) async throws -> Void
    ) async throws {
        let counter = Counter()
        var watcher = SiteWatcher(siteDirectory: site, pollInterval: .milliseconds(50), quietPeriod: quietPeriod)
        watcher.usePolling = polling
        let task = Task { try await watcher.watch { counter.increment() } }
        defer { task.cancel() }
        // Let the watcher take its baseline before anything changes.
        try await Task.sleep(for: .milliseconds(150))
        try await edit(counter)
        try await check(counter)
    }

    @Test("the snapshot covers Content/, Layouts/ and rapport.yml, skipping hidden and backup files and Output/")
    func snapshotScope() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let keys = SiteWatcher(siteDirectory: site).snapshot().keys.sorted()
        #expect(keys == ["Content/newsletters", "Content/newsletters/2026-11.md", "Layouts/base.mustache", "rapport.yml"])
    }

    #if canImport(Glibc)
        @Test("on Linux the watcher uses kernel events: one watch per folder, not a stat per file")
        func kernelEventsOnLinux() throws {
            let site = try makeSite()
            defer { try? FileManager.default.removeItem(at: site) }
            let events = InotifyWatch(
                folders: ["Content", "Layouts"].map { site.appendingPathComponent($0).path }, filesIn: site.path)
            #expect(events != nil)
            try Data("x".utf8).write(to: site.appendingPathComponent("Content/newsletters/2026-11.md"))
            var paths = Set<String>()
            #expect(events?.drain(isSource: { $0.hasSuffix("2026-11.md") }, paths: &paths) == true)
            #expect(paths == [site.appendingPathComponent("Content/newsletters/2026-11.md").path], "the changed file is named")
            #expect(events?.drain(isSource: { _ in true }, paths: &paths) == false, "every event was read")
        }
    #endif

    @Test("a change to a watched file fires the callback within a few seconds, with kernel events and polling", arguments: [false, true])
    func noticesChange(polling: Bool) async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try await watch(site, polling: polling) { _ in
            try Data("# Hello again, longer\n".utf8).write(to: site.appendingPathComponent("Content/newsletters/2026-11.md"))
        } check: { counter in
            try await waitUntil(seconds: 30) { counter.value == 1 }
            #expect(counter.value == 1)
        }
    }

    @Test("a save by rename (write a temporary file, move it over) is noticed", arguments: [false, true])
    func noticesRenameSave(polling: Bool) async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try await watch(site, polling: polling) { _ in
            let temporary = site.appendingPathComponent("Layouts/.base.mustache.tmp")
            try Data("{{$body}}x{{/body}}\n".utf8).write(to: temporary)
            #expect(rename(temporary.path, site.appendingPathComponent("Layouts/base.mustache").path) == 0)
        } check: { counter in
            try await waitUntil(seconds: 30) { counter.value == 1 }
            #expect(counter.value == 1)
        }
    }

    @Test("a new file and rapport.yml are watched; Output/ and editor swap files are not")
    func scope() async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try await watch(site) { _ in
            try Data("new output".utf8).write(to: site.appendingPathComponent("Output/index.html"))
            try Data("new swap".utf8).write(to: site.appendingPathComponent("Content/.2026-11.md.swp"))
        } check: { counter in
            try await Task.sleep(for: .milliseconds(600))
            #expect(counter.value == 0)
        }
        try await watch(site) { _ in
            try Data("title: Changed\n".utf8).write(to: site.appendingPathComponent("rapport.yml"))
        } check: { counter in
            try await waitUntil(seconds: 30) { counter.value == 1 }
            #expect(counter.value == 1)
        }
    }

    @Test("a burst of 20 saves over 300 ms gives exactly one rebuild")
    func debouncesBurst() async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        // A quiet period far longer than the 30 ms between saves, so a
        // loaded test machine cannot split the burst: at 400 ms a run beside
        // a 100,000-customer build did (one sleep of 30 ms took longer).
        try await watch(site, quietPeriod: .milliseconds(1_000)) { counter in
            for index in 1...10 {
                try Data("# Edit \(index)\n".utf8).write(to: site.appendingPathComponent("Content/newsletters/2026-11.md"))
                try Data("note \(index)\n".utf8).write(to: site.appendingPathComponent("Content/notes-\(index).md"))
                try await Task.sleep(for: .milliseconds(30))
            }
            // Nothing fires while the burst goes on.
            #expect(counter.value == 0)
        } check: { counter in
            try await waitUntil(seconds: 30) { counter.value == 1 }
            // Well past the quiet period: still one.
            try await Task.sleep(for: .milliseconds(1_500))
            #expect(counter.value == 1)
        }
    }
}

/// Counts callbacks from the watcher's task.
final class Counter: @unchecked Sendable {
    // @unchecked: the count is guarded by `lock`.
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}
