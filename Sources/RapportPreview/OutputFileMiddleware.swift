import Foundation
import Hummingbird
import RapportCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serves the output folder: files by their real path inside it, folders
/// by their index.html, the reload script spliced into every HTML page,
/// the customer switcher into the dashboard, and the error page in place
/// of any page while the last build failed. Paths under `/_rapport/` go
/// on to the router.
struct OutputFileMiddleware<Context: RequestContext>: RouterMiddleware {
    let state: PreviewState
    /// Adds "Preview the email" to newsletter and review pages, when set
    /// and the site has an email layout.
    var emails: EmailPreview? = nil

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.head.path ?? ""
        if target.hasPrefix("/_rapport/") { return try await next(request, context) }
        let generation = state.generation
        let status = state.status

        if case .succeeded = status, let page = freshPage(target) {
            return .html(HTMLInjector.inject(snippet(for: page.path, generation: generation), into: page.bytes))
        }
        switch OutputFileResolver(root: state.outputDirectory).resolve(target) {
        case .badRequest:
            return .text("Bad Request\n", status: .badRequest)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound:
            if case .failed(let diagnostics) = status {
                // The page may be missing only because the build failed (a first build, a new page).
                return .html(Array(ErrorPage.html(diagnostics: diagnostics, generation: generation).utf8), status: .internalServerError)
            }
            return .html(Array(ErrorPage.notFound(generation: generation).utf8), status: .notFound)
        case .file(let url, let relativePath):
            guard let bytes = RegularFile.read(url.path) else {
                // Gone between resolving and reading: a rebuild swapped the folder.
                return .html(Array(ErrorPage.notFound(generation: generation).utf8), status: .notFound)
            }
            let contentType = MediaType.forFile(named: url.lastPathComponent)
            guard contentType.hasPrefix("text/html") else {
                return Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            }
            if case .failed(let diagnostics) = status {
                // 500, not 200: the page asked for is not what its sources say now, and tools such as curl -f should see that.
                return .html(Array(ErrorPage.html(diagnostics: diagnostics, generation: generation).utf8), status: .internalServerError)
            }
            return .html(HTMLInjector.inject(snippet(for: relativePath, generation: generation), into: bytes))
        }
    }

    /// What the preview adds to the page at `relativePath`.
    private func snippet(for relativePath: String, generation: Int) -> String {
        var snippet = ReloadScript.tag(generation: generation)
        if relativePath == "index.html" { snippet = CustomerSwitcher.markup + snippet }
        if let link = emailLink(for: relativePath) { snippet = link + snippet }
        return snippet
    }

    /// While the site rebuilds after a save, a page is never the stale copy
    /// in Output/: it is the one rendered for an open tab, or rendered now
    /// from the new sources (and kept for the next request).
    private func freshPage(_ target: String) -> (path: String, bytes: [UInt8])? {
        guard state.rendersOnRequest, let path = OutputFileResolver.pagePath(target), path.hasSuffix(".html") else {
            return nil
        }
        if let kept = state.renderedPage(path) { return (path, kept) }
        guard let pages = state.pages else { return nil }
        let bytes: [UInt8]
        do {
            guard let html = try pages.render(path) else { return nil }
            bytes = Array(html.utf8)
        } catch {
            // The new sources cannot make this page: say why rather than serve the old one.
            bytes = Array(ErrorPage.html(diagnostics: error.diagnostics, generation: 0, reloadScript: false).utf8)
        }
        state.keep(bytes, at: path)
        return (path, bytes)
    }

    /// The email preview link for `customers/<slug>/<newsletters|reviews>/<edition>/index.html`.
    private func emailLink(for relativePath: String) -> String? {
        guard let emails else { return nil }
        let parts = relativePath.split(separator: "/").map(String.init)
        guard parts.count == 5, parts[0] == "customers", ["newsletters", "reviews"].contains(parts[2]), parts[4] == "index.html",
            FileManager.default.fileExists(atPath: emails.siteDirectory.appendingPathComponent("Layouts/email.mustache").path),
            let customer = state.currentCustomerIndex().customers.first(where: { $0.path == "/customers/\(parts[1])/" })
        else { return nil }
        return EmailPreview.link(customerID: customer.id, anchor: "\(parts[2].dropLast())-\(parts[3])")
    }
}
