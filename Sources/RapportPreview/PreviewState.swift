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
    private var _status = BuildStatus.succeeded
    private var customerIndex: (generation: Int, index: CustomerIndex)?

    /// A state for `outputDirectory` with no build recorded yet.
    public init(outputDirectory: URL, broadcaster: ReloadBroadcaster = ReloadBroadcaster()) {
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.broadcaster = broadcaster
    }

    /// Builds recorded so far.
    public var generation: Int { lock.withLock { _generation } }

    /// How the last build went.
    public var status: BuildStatus { lock.withLock { _status } }

    /// Records a finished build and tells every open page.
    public func record(_ status: BuildStatus) {
        let generation = lock.withLock {
            _generation += 1
            _status = status
            return _generation
        }
        switch status {
        case .succeeded: broadcaster.send(.reload(generation: generation))
        case .failed: broadcaster.send(.error(generation: generation))
        }
    }

    // MARK: - Customer index

    /// The switcher's data for the current build, read from the output once per build.
    func currentCustomerIndex() -> CustomerIndex {
        let generation = self.generation
        if let cached = lock.withLock({ customerIndex }), cached.generation == generation {
            return cached.index
        }
        let index = CustomerIndex.load(from: outputDirectory)
        lock.withLock { customerIndex = (generation, index) }
        return index
    }
}
