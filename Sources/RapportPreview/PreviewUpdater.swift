import Foundation
import RapportCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `rapport serve` does after a save: the pages open in the browser
/// first, rendered from the new sources and reloaded at once; then the rest
/// of the site, rebuilt in the background at low priority and cancelled by
/// the next save. While that rebuild runs, a page asked for is rendered on
/// request (`OutputFileMiddleware`), never the stale copy.
/// When it ends, only the tabs whose page changed reload.
final class PreviewUpdater: @unchecked Sendable {
    // @unchecked: `background` and `cancelBackground` are guarded by `lock`.
    let configuration: PreviewConfiguration
    let state: PreviewState
    let pages: PreviewPages
    /// Set when the server shuts down.
    let stopping: StopFlag
    private let lock = NSLock()
    private var background: Task<Void, Never>?
    private var cancelBackground: StopFlag?

    init(configuration: PreviewConfiguration, state: PreviewState, pages: PreviewPages, stopping: StopFlag) {
        self.configuration = configuration
        self.state = state
        self.pages = pages
        self.stopping = stopping
    }

    /// Handles one settled burst of saves to `changed` (paths in the site).
    func sourcesChanged(_ changed: Set<String>) async {
        // The rebuild of the previous save is building sources that are gone:
        // stop it, but do not wait for it (it may be reading the records);
        // the next rebuild waits instead, as two must not share the staging folder.
        let (previous, flag) = lock.withLock { (background, cancelBackground) }
        flag?.set()

        let started = ContinuousClock.now
        let (epoch, shownBefore) = state.beginRenderingOnRequest()
        let options = configuration.buildOptions()
        let pages = self.pages
        let refreshed = await Self.offThePool { () -> Result<Void, DiagnosticList> in
            Result { () throws(DiagnosticList) in try pages.refresh(changed: changed, options: options) }
        }
        if case .failure(let list) = refreshed {
            // The full build would say the same; show it now.
            state.endRenderingOnRequest(epoch: epoch)
            for diagnostic in list.diagnostics { configuration.log(diagnostic.description) }
            let count = list.errors.count
            configuration.log("build failed: \(count) error\(count == 1 ? "" : "s"); still serving the last good build")
            state.record(.failed(list.diagnostics))
            return
        }
        // Customer pages first: they are what an edit of a newsletter changes.
        let open = state.broadcaster.openPages.sorted { (PreviewPages.isCustomerPage($0) ? 0 : 1, $0) < (PreviewPages.isCustomerPage($1) ? 0 : 1, $1) }
        var shown = Set<String>()
        for path in open {
            let page: [UInt8]
            do {
                guard let html = try pages.render(path) else { continue }
                page = Array(html.utf8)
            } catch {
                // This customer's page cannot render: show why, as a failed build would.
                page = Array(ErrorPage.html(diagnostics: error.diagnostics, generation: 0, reloadScript: false).utf8)
            }
            state.keep(page, at: path)
            // A tab reloads only when its page is not what it shows now.
            let showing = shownBefore[path] ?? RegularFile.read(state.outputDirectory.appendingPathComponent(path).path)
            if showing != page { shown.insert(path) }
        }
        if !shown.isEmpty {
            state.announce(shown)
            let elapsed = ContinuousClock.now - started
            configuration.log(
                "Rendered \(shown.count) changed open page\(shown.count == 1 ? "" : "s") in \(elapsed.milliseconds) ms; rebuilding the rest"
            )
        }
        startBackgroundRebuild(after: previous, epoch: epoch)
    }

    // MARK: - The rest of the site

    private func startBackgroundRebuild(after previous: Task<Void, Never>?, epoch: Int) {
        let cancel = StopFlag()
        let stopping = self.stopping
        let state = self.state
        let output = state.outputDirectory
        let before = Self.identities(of: state.broadcaster.openPages, in: output)
        var configuration = self.configuration
        // One core stays free for the pages the browser asks for meanwhile.
        configuration.jobs = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        let rebuilder = PreviewRebuilder(configuration: configuration, state: state)
        let task = Task.detached(priority: .background) {
            await previous?.value
            if cancel.isSet { return }
            await rebuilder.rebuild(isCancelled: { cancel.isSet || stopping.isSet }) {
                // A save came while this build was finishing: its pages are
                // rendered on request and announced; leave them be.
                if cancel.isSet { return [] }
                // Reload a tab when its page is not what it was shown.
                var reloading = Set<String>()
                for path in state.broadcaster.openPages {
                    let file = output.appendingPathComponent(path).path
                    if let shown = state.renderedPage(path) {
                        if RegularFile.read(file) != shown { reloading.insert(path) }
                    } else if Self.identity(of: file) != before[path] ?? nil {
                        reloading.insert(path)
                    }
                }
                state.endRenderingOnRequest(epoch: epoch)
                return reloading
            }
            // A failed rebuild too: its errors are shown on every page.
            state.endRenderingOnRequest(epoch: epoch)
        }
        lock.withLock {
            background = task
            cancelBackground = cancel
        }
    }

    /// Which file is at each of `paths`: a page the build reused is the
    /// same file (a hard link), so a new inode or size means a new page.
    private static func identities(of paths: Set<String>, in output: URL) -> [String: FileIdentity?] {
        Dictionary(uniqueKeysWithValues: paths.map { ($0, identity(of: output.appendingPathComponent($0).path)) })
    }

    struct FileIdentity: Hashable {
        var inode: UInt64
        var size: Int64
    }

    private static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(inode: UInt64(info.st_ino), size: Int64(info.st_size))
    }

    /// Runs blocking work (loading, rendering fan out on Dispatch) off Swift's cooperative pool.
    private static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}

extension Duration {
    /// Whole milliseconds, for log lines.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
