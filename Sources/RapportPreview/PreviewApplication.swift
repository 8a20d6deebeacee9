import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The preview application: the router below, plus the watcher that
/// rebuilds the site when its sources change (when `watch` is true).
public func buildApplication(
    configuration: PreviewConfiguration,
    state: PreviewState,
    watch: Bool = true
) -> some ApplicationProtocol {
    var logger = Logger(label: "rapport.preview")
    // Quiet unless asked: rapport prints its own lines; LOG_LEVEL=debug shows Hummingbird's.
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
    let onReady = configuration.onReady
    var app = Application(
        router: buildRouter(state: state, policy: LocalHostPolicy(boundHost: configuration.host)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        onServerRunning: { channel in
            onReady(configuration.url(port: channel.localAddress?.port ?? configuration.port))
        },
        logger: logger
    )
    if watch {
        app.addServices(PreviewWatchService(configuration: configuration, state: state))
    }
    return app
}

/// Every route of the preview, for `buildApplication` and for tests.
public func buildRouter(state: PreviewState, policy: LocalHostPolicy = LocalHostPolicy()) -> Router<BasicRequestContext> {
    // HEAD routes too: the router picks a route by method before any middleware runs.
    let router = Router(options: .autoGenerateHeadEndpoints)
    // Middleware applies only to routes added after it, so it all goes first.
    router.add(middleware: PreviewHeadersMiddleware())
    router.add(middleware: HostCheckMiddleware(policy: policy))
    router.add(middleware: MethodCheckMiddleware())
    router.add(middleware: OutputFileMiddleware(state: state))

    router.get(RouterPath(ReloadScript.eventsPath)) { _, _ in
        eventStream(state: state)
    }
    router.get(RouterPath(CustomerSwitcher.dataPath)) { _, _ in
        Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: state.currentCustomerIndex().encoded())))
    }
    return router
}

/// `text/event-stream` of `PreviewEvent`s, open until the client leaves,
/// the broadcaster finishes or the server shuts down.
private func eventStream(state: PreviewState) -> Response {
    Response(
        status: .ok,
        headers: [.contentType: "text/event-stream"],
        body: ResponseBody { writer in
            let (id, events) = state.broadcaster.subscribe()
            defer { state.broadcaster.unsubscribe(id) }
            // retry: reconnect quickly after a restart of `rapport serve`.
            try await writer.write(ByteBuffer(string: "retry: 1000\n" + PreviewEvent.hello(generation: state.generation).text))
            // The server waits for open responses when it stops; end this one then.
            try await withGracefulShutdownHandler {
                for await event in events {
                    try await writer.write(ByteBuffer(string: event.text))
                }
            } onGracefulShutdown: {
                state.broadcaster.unsubscribe(id)
            }
            try await writer.finish(nil)
        })
}
