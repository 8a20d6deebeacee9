import Hummingbird

/// Lets GET and HEAD through, answering HEAD with GET's head and no body;
/// everything else gets 405 with `Allow: GET, HEAD`.
struct MethodCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.method {
        case .get:
            return try await next(request, context)
        case .head:
            var head = request.head
            head.method = .get
            return try await next(Request(head: head, body: request.body), context).createHeadResponse()
        default:
            var response = Response.text("Method Not Allowed\n", status: .methodNotAllowed)
            response.headers[.allow] = "GET, HEAD"
            return response
        }
    }
}
