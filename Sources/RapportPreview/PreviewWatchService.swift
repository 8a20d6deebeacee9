import Foundation
import ServiceLifecycle

/// The service that watches the site and rebuilds it while the server
/// runs; on shutdown it cancels a build in progress and closes every
/// event stream.
struct PreviewWatchService: Service {
    let configuration: PreviewConfiguration
    let state: PreviewState

    func run() async throws {
        let stopping = StopFlag()
        let rebuilder = PreviewRebuilder(configuration: configuration, state: state)
        let watcher = SiteWatcher(
            siteDirectory: configuration.siteDirectory,
            pollInterval: configuration.pollInterval,
            quietPeriod: configuration.quietPeriod)
        do {
            try await withGracefulShutdownHandler {
                try await cancelWhenGracefulShutdown {
                    if let pages = state.pages {
                        let updater = PreviewUpdater(configuration: configuration, state: state, pages: pages, stopping: stopping)
                        try await watcher.watchChanges { changed in await updater.sourcesChanged(changed) }
                    } else {
                        try await watcher.watch {
                            await rebuilder.rebuild(isCancelled: { stopping.isSet })
                        }
                    }
                }
            } onGracefulShutdown: {
                stopping.set()
                state.broadcaster.finish()
            }
        } catch is CancellationError {
            // Shutting down: not a failure of the service.
        }
    }
}

/// Set once when the server starts shutting down.
final class StopFlag: @unchecked Sendable {
    // @unchecked: the flag is guarded by `lock`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}

extension PreviewWatchService: CustomStringConvertible {
    var description: String { "PreviewWatchService" }
}
