import Foundation
import Hummingbird

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
            guard let bytes = Self.readRegularFile(url.path) else {
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
            var snippet = ReloadScript.tag(generation: generation)
            if relativePath == "index.html" { snippet = CustomerSwitcher.markup + snippet }
            if let link = emailLink(for: relativePath) { snippet = link + snippet }
            return .html(HTMLInjector.inject(snippet, into: bytes))
        }
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

    /// The file's bytes, or nil when it is gone or not a regular file.
    /// Opening non-blocking and checking the opened descriptor means a FIFO
    /// cannot hang the request and a swap cannot change what was checked.
    static func readRegularFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        guard let data = try? handle.readToEnd() else { return info.st_size == 0 ? [] : nil }
        return [UInt8](data)
    }
}
