import Foundation

/// Fans preview events out to every open `/_rapport/events` connection.
public final class ReloadBroadcaster: @unchecked Sendable {
    // @unchecked: all state is guarded by `lock`.
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<PreviewEvent>.Continuation] = [:]
    private var nextID = 0
    private var finished = false

    public init() {}

    /// Opens a stream of events; end it with `unsubscribe(_:)`.
    public func subscribe() -> (id: Int, events: AsyncStream<PreviewEvent>) {
        // A slow browser only ever needs the latest few events: each one means "reload".
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewEvent.self, bufferingPolicy: .bufferingNewest(8))
        return lock.withLock {
            nextID += 1
            if finished {
                continuation.finish()
            } else {
                subscribers[nextID] = continuation
            }
            return (nextID, stream)
        }
    }

    /// Ends one subscriber's stream.
    public func unsubscribe(_ id: Int) {
        let continuation = lock.withLock { subscribers.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// Sends `event` to every subscriber.
    public func send(_ event: PreviewEvent) {
        let continuations = lock.withLock { Array(subscribers.values) }
        for continuation in continuations { continuation.yield(event) }
    }

    /// Ends every stream, now and for later subscribers, so open event
    /// connections do not hold the server up when it shuts down.
    public func finish() {
        let continuations = lock.withLock {
            finished = true
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    /// How many event streams are open.
    public var subscriberCount: Int {
        lock.withLock { subscribers.count }
    }
}
