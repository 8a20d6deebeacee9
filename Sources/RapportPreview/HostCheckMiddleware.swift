import HTTPTypes
import Hummingbird

/// Answers 421 Misdirected Request to any request whose Host is not a
/// loopback name (see `LocalHostPolicy`), and 400 to one with no Host.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: LocalHostPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // HTTP/1 puts the first Host header in `authority`; check every copy so a second one cannot slip by.
        let hosts = [request.head.authority].compactMap { $0 } + request.headers[values: .hostHeader]
        guard !hosts.isEmpty else {
            return Response.text("Bad Request: no Host header\n", status: .badRequest)
        }
        guard hosts.allSatisfy(policy.allows) else {
            return Response.text(
                "Misdirected Request: rapport serve answers only to localhost, 127.0.0.1 and [::1]\n", status: .misdirectedRequest)
        }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let hostHeader = Self("Host")!
}
