import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import Testing

@testable import RapportPreview

@Suite("Preview router")
struct PreviewRouterTests {
    /// Runs `test` against the router over a fresh fixture, in-process.
    private func withRouter(
        _ test: @Sendable (any TestClientProtocol, OutputFixture, PreviewState) async throws -> Void
    ) async throws {
        let fixture = try OutputFixture()
        defer { fixture.remove() }
        let state = PreviewState(outputDirectory: fixture.output)
        let app = Application(router: buildRouter(state: state))
        try await app.test(.router) { client in
            try await test(client, fixture, state)
        }
    }

    private func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    // MARK: - Serving

    @Test("/ and /index.html serve the dashboard with the switcher and reload script")
    func dashboard() async throws {
        try await withRouter { client, fixture, _ in
            let expected = OutputFixture.dashboard.replacingOccurrences(
                of: "</BODY>", with: CustomerSwitcher.markup + ReloadScript.tag(generation: 0) + "</BODY>")
            for uri in ["/", "/index.html"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(text(response) == expected)
            }
            #expect(try fixture.contents(of: "Output/index.html") == OutputFixture.dashboard)
        }
    }

    @Test("a folder serves its index.html with the reload script only; the file on disk is unchanged")
    func folderIndexInjectedNotOnDisk() async throws {
        try await withRouter { client, fixture, _ in
            let response = try await client.execute(uri: "/customers/acme/", method: .get)
            #expect(response.status == .ok)
            let expected = OutputFixture.hub.replacingOccurrences(of: "</body>", with: ReloadScript.tag(generation: 0) + "</body>")
            #expect(text(response) == expected)
            #expect(!text(response).contains("rapport-switcher"))
            #expect(text(response).contains("new EventSource(\"/_rapport/events?page=\"+encodeURIComponent(location.pathname))"))
            #expect(try fixture.contents(of: "Output/customers/acme/index.html") == OutputFixture.hub)

            let nested = try await client.execute(uri: "/customers/acme/newsletters/2026-11/", method: .get)
            #expect(
                text(nested)
                    == OutputFixture.newsletter.replacingOccurrences(of: "</body>", with: ReloadScript.tag(generation: 0) + "</body>"))
        }
    }

    @Test("a page without </body> gets the script at the end")
    func pageWithoutBodyEnd() async throws {
        try await withRouter { client, _, _ in
            let response = try await client.execute(uri: "/fragment.html", method: .get)
            #expect(text(response) == "<html><body>fragment without a body end" + ReloadScript.tag(generation: 0))
        }
    }

    @Test("a folder without its trailing slash redirects, keeping the query")
    func folderRedirect() async throws {
        try await withRouter { client, _, _ in
            let plain = try await client.execute(uri: "/customers/acme", method: .get)
            #expect(plain.status == .movedPermanently)
            #expect(plain.headers[.location] == "/customers/acme/")
            let query = try await client.execute(uri: "/customers/acme?tab=2", method: .get)
            #expect(query.headers[.location] == "/customers/acme/?tab=2")
        }
    }

    @Test("a folder without index.html, a file with a slash and a missing file are 404, never a listing")
    func noListings() async throws {
        try await withRouter { client, _, _ in
            for uri in ["/empty-folder/", "/assets/", "/assets/site.css/", "/missing.html", "/customers/nobody/"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!text(response).contains("readme.txt"), "\(uri)")
                #expect(text(response).contains("<h1>Not found</h1>"), "\(uri)")
            }
        }
    }

    @Test("content types by extension")
    func contentTypes() async throws {
        let expected: [(String, String)] = [
            ("/assets/site.css", "text/css; charset=utf-8"),
            ("/assets/logo.svg", "image/svg+xml"),
            ("/assets/logo.png", "image/png"),
            ("/assets/photo.jpg", "image/jpeg"),
            ("/assets/photo.jpeg", "image/jpeg"),
            ("/assets/data.json", "application/json"),
            ("/manifest.json", "application/json"),
            ("/assets/app.js", "text/javascript; charset=utf-8"),
            ("/assets/font.woff2", "font/woff2"),
            ("/assets/notes.txt", "text/plain; charset=utf-8"),
            ("/assets/anim.gif", "image/gif"),
            ("/assets/blob.bin", "application/octet-stream"),
            ("/fragment.html", "text/html; charset=utf-8"),
            ("/alias.css", "text/css; charset=utf-8"),
        ]
        try await withRouter { client, _, _ in
            for (uri, type) in expected {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.contentType] == type, "\(uri)")
            }
            let css = try await client.execute(uri: "/assets/site.css", method: .get)
            #expect(text(css) == "body { color: red }\n")
        }
    }

    @Test("every response carries Cache-Control: no-store and X-Content-Type-Options: nosniff")
    func headersOnEveryResponse() async throws {
        try await withRouter { client, _, _ in
            let requests: [(String, HTTPRequest.Method, HTTPFields)] = [
                ("/", .get, [:]), ("/assets/site.css", .head, [:]), ("/missing", .get, [:]),
                ("/%2e%2e/secret.txt", .get, [:]), ("/customers/acme", .get, [:]), ("/", .post, [:]),
                ("/", .get, [.hostHeader: "evil.example"]), ("/_rapport/customers.json", .get, [:]), ("/_rapport/nothing", .get, [:]),
            ]
            for (uri, method, headers) in requests {
                let response = try await client.execute(uri: uri, method: method, headers: headers)
                #expect(response.headers[.cacheControl] == "no-store", "\(method) \(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(method) \(uri)")
            }
        }
    }

    // MARK: - Methods

    @Test("POST, PUT, DELETE, PATCH and OPTIONS get 405 with Allow: GET, HEAD")
    func methodNotAllowed() async throws {
        try await withRouter { client, fixture, _ in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] {
                for uri in ["/", "/assets/site.css", "/_rapport/events", "/missing"] {
                    let response = try await client.execute(uri: uri, method: method, body: ByteBuffer(string: "x"))
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == "GET, HEAD", "\(method) \(uri)")
                }
            }
            #expect(try fixture.contents(of: "Output/assets/site.css") == "body { color: red }\n")
        }
    }

    @Test("HEAD answers like GET with no body")
    func head() async throws {
        try await withRouter { client, _, _ in
            let css = try await client.execute(uri: "/assets/site.css", method: .head)
            #expect(css.status == .ok)
            #expect(css.body.readableBytes == 0)
            #expect(css.headers[.contentLength] == "20")
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")

            let page = try await client.execute(uri: "/", method: .head)
            #expect(page.status == .ok)
            #expect(page.body.readableBytes == 0)

            let events = try await client.execute(uri: "/_rapport/events", method: .head)
            #expect(events.status == .ok)
            #expect(events.headers[.contentType] == "text/event-stream")
            #expect(events.body.readableBytes == 0)
        }
    }

    // MARK: - Host (DNS rebinding)

    @Test("loopback Host headers are answered, with any port and any case")
    func goodHosts() async throws {
        try await withRouter { client, _, _ in
            for host in ["localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:0", "[::1]", "[::1]:65535", "LocalHost:80"] {
                let response = try await client.execute(uri: "/assets/site.css", method: .get, headers: [.hostHeader: host])
                #expect(response.status == .ok, "\(host)")
            }
        }
    }

    @Test("any other Host header gets 421 and no content")
    func evilHosts() async throws {
        let evil = [
            "evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io", "localhost:8000@evil.example",
            "127.0.0.1:80:80", "[::1]evil", "[::2]", "192.168.1.10", "0.0.0.0", "localhost.", "", "localhost:", "localhost:http",
        ]
        try await withRouter { client, _, _ in
            for host in evil {
                let response = try await client.execute(uri: "/assets/site.css", method: .get, headers: [.hostHeader: host])
                #expect(response.status == .misdirectedRequest, "\(host)")
                #expect(!text(response).contains("color: red"), "\(host)")
            }
            let events = try await client.execute(uri: "/_rapport/customers.json", method: .get, headers: [.hostHeader: "evil.example"])
            #expect(events.status == .misdirectedRequest)
        }
    }

    @Test("the policy admits the address the user chose to bind")
    func boundHostAllowed() {
        let policy = LocalHostPolicy(boundHost: "192.168.1.10")
        #expect(policy.allows("192.168.1.10:8000"))
        #expect(policy.allows("localhost"))
        #expect(!policy.allows("evil.example"))
        #expect(LocalHostPolicy(boundHost: "::1").allowedNames == ["localhost", "127.0.0.1", "[::1]"])
        #expect(!LocalHostPolicy(boundHost: "0.0.0.0").allows("0.0.0.0"))
    }

    // MARK: - Traversal

    /// 50 probes, each with the exact status it must get.
    static let traversalProbes: [(String, HTTPResponse.Status)] = [
        ("/../secret.txt", .badRequest),
        ("/../../../../etc/passwd", .badRequest),
        ("/%2e%2e/secret.txt", .badRequest),
        ("/%2E%2E/secret.txt", .badRequest),
        ("/.%2e/secret.txt", .badRequest),
        ("/%2e./secret.txt", .badRequest),
        ("/..%2fsecret.txt", .badRequest),
        ("/..%2Fsecret.txt", .badRequest),
        ("/%2e%2e%2fsecret.txt", .badRequest),
        ("/..%5csecret.txt", .badRequest),
        ("/..%5Csecret.txt", .badRequest),
        ("/..\\secret.txt", .badRequest),
        ("/assets\\..\\..\\secret.txt", .badRequest),
        ("/%252e%252e/secret.txt", .badRequest),
        ("/%252e%252e%252fsecret.txt", .badRequest),
        ("/%25252e%25252e/secret.txt", .badRequest),
        ("//etc/passwd", .badRequest),
        ("/etc/passwd", .notFound),
        ("/%2fetc%2fpasswd", .badRequest),
        ("/secret.txt%00.html", .badRequest),
        ("/index.html%00", .badRequest),
        ("/%00", .badRequest),
        ("/..%00/secret.txt", .badRequest),
        ("/..%c0%af/secret.txt", .badRequest),
        ("/%c0%ae%c0%ae/secret.txt", .badRequest),
        ("/%e0%80%ae%e0%80%ae/secret.txt", .badRequest),
        ("/assets/../../secret.txt", .badRequest),
        ("/assets/./../../secret.txt", .badRequest),
        ("/./index.html", .badRequest),
        ("/escape.txt", .notFound),
        ("/escape-dir/secret.txt", .notFound),
        ("/escape-dir/", .notFound),
        ("/relative-escape", .notFound),
        ("/into-dot", .notFound),
        ("/.env", .notFound),
        ("/.git/config", .notFound),
        ("/.git/", .notFound),
        ("/%2egit/config", .notFound),
        ("/assets/%2e%2e/%2e%2e/secret.txt", .badRequest),
        ("/..;/secret.txt", .notFound),
        ("/%", .badRequest),
        ("/%zz", .badRequest),
        ("/%2", .badRequest),
        ("/assets/..%2f..%2fsecret.txt", .badRequest),
        ("/customers/acme/../../../secret.txt", .badRequest),
        ("/file:///etc/passwd", .badRequest),
        ("/%EF%BC%8E%EF%BC%8E/secret.txt", .notFound),
        ("/_rapport/../secret.txt", .notFound),
        ("/" + String(repeating: "a", count: 5000), .notFound),
        ("secret.txt", .badRequest),
    ]

    @Test("50 traversal probes are all refused, and the server still answers afterwards")
    func traversalProbes() async throws {
        #expect(Self.traversalProbes.count == 50)
        try await withRouter { client, _, _ in
            for (uri, status) in Self.traversalProbes {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == status, "\(uri)")
                #expect(!text(response).contains("top secret"), "\(uri)")
                #expect(!text(response).contains("[core]"), "\(uri)")
            }
            let after = try await client.execute(uri: "/assets/site.css", method: .get)
            #expect(after.status == .ok)
            #expect(text(after) == "body { color: red }\n")
        }
    }

    // MARK: - Build errors

    @Test("after a failed build every page is the error page; assets still load; a good build brings pages back")
    func errorPage() async throws {
        try await withRouter { client, _, state in
            state.record(
                .failed([
                    .error(
                        "unknown field `customer.nmae`", at: SourceLocation(path: "Content/newsletters/2026-11.md", line: 3, column: 7),
                        customer: "AC-1"),
                    .warning("<b>bold</b> & \"quoted\"", at: SourceLocation(path: "rapport.yml", line: 1)),
                ]))
            for uri in ["/", "/customers/acme/", "/not-built-yet/"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .internalServerError, "\(uri)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = text(response)
                #expect(body.contains("<h1>Build failed: 1 error</h1>"))
                #expect(
                    body.contains(
                        "<pre>Content/newsletters/2026-11.md:3:7: error: unknown field `customer.nmae` (customer AC-1)\n"
                            + "rapport.yml:1: warning: &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</pre>"))
                #expect(body.contains(ReloadScript.tag(generation: 1)))
            }
            let css = try await client.execute(uri: "/assets/site.css", method: .get)
            #expect(css.status == .ok)

            state.record(.succeeded)
            let page = try await client.execute(uri: "/customers/acme/", method: .get)
            #expect(page.status == .ok)
            #expect(text(page) == OutputFixture.hub.replacingOccurrences(of: "</body>", with: ReloadScript.tag(generation: 2) + "</body>"))
        }
    }

    // MARK: - Preview endpoints

    @Test("customers.json lists customers from the manifest with hub titles, and the worst-case pages")
    func customersJSON() async throws {
        try await withRouter { client, _, _ in
            let response = try await client.execute(uri: "/_rapport/customers.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let long = OutputFixture.newsletter.utf8.count
            let short = OutputFixture.shortNewsletter.utf8.count
            #expect(
                text(response)
                    == #"{"customers":[{"id":"AC-1","name":"Acme & Sons","path":"/customers/acme/"},{"id":"BO-2","name":"Bolt","path":"/customers/bolt/"}],"#
                    + #""emptiest":{"bytes":\#(short),"id":"BO-2","name":"Bolt","path":"/customers/bolt/newsletters/2026-11/"},"#
                    + #""longest":{"bytes":\#(long),"id":"AC-1","name":"Acme & Sons","path":"/customers/acme/newsletters/2026-11/"}}"#)
        }
    }

    @Test("the event stream says hello, then reload after a good build, error after a bad one")
    func eventStreamThroughRouter() async throws {
        try await withRouter { client, _, state in
            async let stream = client.execute(uri: "/_rapport/events", method: .get)
            try await waitUntil { state.broadcaster.subscriberCount == 1 }
            state.record(.succeeded)
            state.record(.failed([.error("broken", at: nil)]))
            // The router test client returns only once the body ends.
            state.broadcaster.finish()
            let response = try await stream
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            #expect(text(response) == "retry: 1000\nevent: hello\ndata: 0\n\nevent: reload\ndata: 1\n\nevent: error\ndata: 2\n\n")
            #expect(state.broadcaster.subscriberCount == 0)
        }
    }
}

/// Polls `condition` every 10 ms for at most `seconds`.
func waitUntil(seconds: Double = 120, _ condition: () -> Bool) async throws {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        guard Date() < deadline else {
            Issue.record("condition not met within \(seconds) s")
            return
        }
        try await Task.sleep(for: .milliseconds(10))
    }
}
