import Foundation

/// Fans preview events out to every open `/_rapport/events` connection.
public final class ReloadBroadcaster: @unchecked Sendable {
    // @unchecked: all state is guarded by `lock`.
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<PreviewEvent>.Continuation] = [:]
    /// The page each subscriber shows (output-relative, `.../index.html`), when it said.
    private var pages: [Int: String] = [:]
    private var nextID = 0
    private var finished = false

    public init() {}

    /// Opens a stream of events; end it with `unsubscribe(_:)`.
    public func subscribe(page: String? = nil) -> (id: Int, events: AsyncStream<PreviewEvent>) {
        // A slow browser only ever needs the latest few events: each one means "reload".
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewEvent.self, bufferingPolicy: .bufferingNewest(8))
        return lock.withLock {
            nextID += 1
            if finished {
                continuation.finish()
            } else {
                subscribers[nextID] = continuation
                if let page { pages[nextID] = page }
            }
            return (nextID, stream)
        }
    }

    /// Ends one subscriber's stream.
    public func unsubscribe(_ id: Int) {
        let continuation = lock.withLock {
            pages[id] = nil
            return subscribers.removeValue(forKey: id)
        }
        continuation?.finish()
    }

    /// Sends `event` to every subscriber.
    public func send(_ event: PreviewEvent) {
        let continuations = lock.withLock { Array(subscribers.values) }
        for continuation in continuations { continuation.yield(event) }
    }

    /// Sends `event` to the subscribers showing one of `pages`, and to those
    /// that did not say which page they show (they cannot be left stale).
    public func send(_ event: PreviewEvent, toPages wanted: Set<String>) {
        let continuations = lock.withLock {
            subscribers.filter { id, _ in pages[id].map(wanted.contains) ?? true }.map(\.value)
        }
        for continuation in continuations { continuation.yield(event) }
    }

    /// The pages open in the browser, as their event streams said.
    public var openPages: Set<String> {
        lock.withLock { Set(pages.values) }
    }

    /// Ends every stream, now and for later subscribers, so open event
    /// connections do not hold the server up when it shuts down.
    public func finish() {
        let continuations = lock.withLock {
            finished = true
            defer {
                subscribers.removeAll()
                pages.removeAll()
            }
            return Array(subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    /// How many event streams are open.
    public var subscriberCount: Int {
        lock.withLock { subscribers.count }
    }
}
