import Foundation
import RapportCore

/// What the running preview knows: where the site is built, how the last
/// build went, and its generation (bumped on every build, good or bad).
public final class PreviewState: @unchecked Sendable {
    // @unchecked: the mutable state is guarded by `lock`.
    /// The output folder served.
    public let outputDirectory: URL
    /// The event fan-out for live reload.
    public let broadcaster: ReloadBroadcaster
    private let lock = NSLock()
    private var _generation = 0
    /// Builds recorded: the customer index changes with these, not with
    /// the reloads of pages rendered on request.
    private var builds = 0
    private var _status = BuildStatus.succeeded
    private var customerIndex: (generation: Int, index: CustomerIndex)?
    /// Customer pages rendered on request from sources newer than Output/.
    private var overlay: [String: [UInt8]] = [:]
    private var _rendersOnRequest = false
    /// Counts saves: a rebuild ends rendering on request only for its own.
    private var renderEpoch = 0
    /// Renders customer pages on request while the site rebuilds; set by `rapport serve`.
    public var pages: PreviewPages?

    /// A state for `outputDirectory` with no build recorded yet.
    public init(outputDirectory: URL, broadcaster: ReloadBroadcaster = ReloadBroadcaster()) {
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.broadcaster = broadcaster
    }

    /// Builds recorded so far.
    public var generation: Int { lock.withLock { _generation } }

    /// How the last build went.
    public var status: BuildStatus { lock.withLock { _status } }

    /// Records a finished build and tells every open page, or, after a
    /// good build, only those showing one of `reloading`.
    public func record(_ status: BuildStatus, reloading: Set<String>? = nil) {
        let generation = lock.withLock {
            _generation += 1
            builds += 1
            _status = status
            return _generation
        }
        switch status {
        case .succeeded:
            if let reloading {
                broadcaster.send(.reload(generation: generation), toPages: reloading)
            } else {
                broadcaster.send(.reload(generation: generation))
            }
        case .failed: broadcaster.send(.error(generation: generation))
        }
    }

    // MARK: - Pages rendered on request

    /// Sources changed: until the rebuild ends, customer pages are rendered
    /// on request (`PreviewPages`) rather than served from Output/.
    /// Returns this save's number and the pages rendered for the previous
    /// save, which open tabs may still show.
    @discardableResult
    func beginRenderingOnRequest() -> (epoch: Int, shown: [String: [UInt8]]) {
        lock.withLock {
            defer { overlay.removeAll() }
            _rendersOnRequest = true
            renderEpoch += 1
            return (renderEpoch, overlay)
        }
    }

    /// The rebuild for save `epoch` ended: Output/ is current again, unless
    /// another save came meanwhile (its pages are still the newer ones).
    func endRenderingOnRequest(epoch: Int? = nil) {
        lock.withLock {
            guard epoch == nil || epoch == renderEpoch else { return }
            overlay.removeAll()
            _rendersOnRequest = false
        }
    }

    var rendersOnRequest: Bool { lock.withLock { _rendersOnRequest } }

    /// The page rendered on request at `relativePath`, if there is one.
    func renderedPage(_ relativePath: String) -> [UInt8]? {
        lock.withLock { overlay[relativePath] }
    }

    func keep(_ page: [UInt8], at relativePath: String) {
        lock.withLock { if _rendersOnRequest { overlay[relativePath] = page } }
    }

    /// Tells the tabs showing `pages` that their page changed, without a build.
    func announce(_ pages: Set<String>) {
        let generation = lock.withLock {
            _generation += 1
            return _generation
        }
        broadcaster.send(.reload(generation: generation), toPages: pages)
    }

    // MARK: - Customer index

    /// The switcher's data for the current build, read from the output once per build.
    func currentCustomerIndex() -> CustomerIndex {
        let generation = lock.withLock { builds }
        if let cached = lock.withLock({ customerIndex }), cached.generation == generation {
            return cached.index
        }
        let index = CustomerIndex.load(from: outputDirectory)
        lock.withLock { customerIndex = (generation, index) }
        return index
    }
}
