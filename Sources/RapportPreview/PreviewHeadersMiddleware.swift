import HTTPTypes
import Hummingbird

/// Outermost: turns every error into a response and stamps every response
/// with `Cache-Control: no-store` (a preview must never show a stale page)
/// and `X-Content-Type-Options: nosniff`.
struct PreviewHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = (try? error.response(from: request, context: context)) ?? Response(status: error.status)
        } catch {
            response = Response.text("Internal Server Error\n", status: .internalServerError)
        }
        response.headers[.cacheControl] = "no-store"
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
