import Foundation
import Hummingbird
import Logging
import NIOCore
import RapportCore
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
        router: buildRouter(
            state: state, policy: LocalHostPolicy(boundHost: configuration.host),
            emails: EmailPreview(siteDirectory: configuration.siteDirectory, today: configuration.today)),
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
/// `emails` adds `/_rapport/email/<customer id>/`, each customer's
/// messages rendered on request, and a link to it on their pages.
public func buildRouter(
    state: PreviewState, policy: LocalHostPolicy = LocalHostPolicy(), emails: EmailPreview? = nil
) -> Router<BasicRequestContext> {
    // HEAD routes too: the router picks a route by method before any middleware runs.
    let router = Router(options: .autoGenerateHeadEndpoints)
    // Middleware applies only to routes added after it, so it all goes first.
    router.add(middleware: PreviewHeadersMiddleware())
    router.add(middleware: HostCheckMiddleware(policy: policy))
    router.add(middleware: MethodCheckMiddleware())
    router.add(middleware: OutputFileMiddleware(state: state, emails: emails))

    router.get(RouterPath(ReloadScript.eventsPath)) { request, _ in
        // `?page=/customers/x/`: the page this tab shows, so only a change to it reloads the tab.
        let page = request.uri.queryParameters.get("page").flatMap { OutputFileResolver.pagePath($0) }
        return eventStream(state: state, page: page)
    }
    router.get(RouterPath(CustomerSwitcher.dataPath)) { _, _ in
        Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: state.currentCustomerIndex().encoded())))
    }
    if let emails {
        router.get(RouterPath(EmailPreview.pathPrefix + ":id")) { _, context in
            emailResponse(emails, state: state, id: context.parameters.get("id") ?? "", part: nil)
        }
        router.get(RouterPath(EmailPreview.pathPrefix + ":id/:part")) { _, context in
            emailResponse(emails, state: state, id: context.parameters.get("id") ?? "", part: context.parameters.get("part"))
        }
    }
    return router
}

/// A customer's email preview page, or one part of one message (`part`:
/// `<kind>-<edition>.html` or `.eml`). The HTML part is served with a
/// sandboxing Content-Security-Policy: it is a message, not a page of the preview.
private func emailResponse(_ emails: EmailPreview, state: PreviewState, id rawID: String, part: String?) -> Response {
    let id = rawID.removingPercentEncoding ?? rawID
    let messages: [OutboxMessage]
    do {
        messages = try emails.messages(customerID: id)
    } catch {
        return .html(Array(ErrorPage.html(diagnostics: error.diagnostics, generation: state.generation).utf8), status: .internalServerError)
    }
    guard let part else {
        return .html(Array(EmailPreview.page(customerID: id, messages: messages, generation: state.generation).utf8))
    }
    if let message = messages.first(where: { EmailPreview.partName($0, extension: "html") == part }) {
        return Response(
            status: .ok,
            headers: [.contentType: MediaType.forFile(named: part), .contentSecurityPolicy: "sandbox; default-src https: data:; style-src 'unsafe-inline' https:"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: message.html ?? "")))
    }
    if let message = messages.first(where: { EmailPreview.partName($0, extension: "eml") == part }) {
        return Response(
            status: .ok,
            headers: [.contentType: "message/rfc822", .contentDisposition: "attachment; filename=\"\(URL(fileURLWithPath: message.file).lastPathComponent)\""],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: message.eml ?? Data())))
    }
    return .html(Array(ErrorPage.notFound(generation: state.generation).utf8), status: .notFound)
}

/// `text/event-stream` of `PreviewEvent`s, open until the client leaves,
/// the broadcaster finishes or the server shuts down.
private func eventStream(state: PreviewState, page: String?) -> Response {
    Response(
        status: .ok,
        headers: [.contentType: "text/event-stream"],
        body: ResponseBody { writer in
            let (id, events) = state.broadcaster.subscribe(page: page)
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
