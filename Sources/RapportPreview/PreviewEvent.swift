/// One server-sent event on `/_rapport/events`. Each carries the build
/// generation, so a page that missed an event still notices it is stale.
public enum PreviewEvent: Sendable, Hashable {
    /// Sent first on every connection: the generation now served.
    case hello(generation: Int)
    /// A build succeeded: pages should reload.
    case reload(generation: Int)
    /// A build failed: pages should reload to show the error page.
    case error(generation: Int)

    /// The event in `text/event-stream` framing.
    public var text: String {
        switch self {
        case .hello(let generation): "event: hello\ndata: \(generation)\n\n"
        case .reload(let generation): "event: reload\ndata: \(generation)\n\n"
        case .error(let generation): "event: error\ndata: \(generation)\n\n"
        }
    }
}
