import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import TestSupport
import Testing

@testable import RapportPreview

/// `rapport serve` shows each customer's real email beside the web page:
/// the embedded sample site, built, then its messages asked for over HTTP.
@Suite("Email preview")
struct EmailPreviewTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)

    private func withSite(_ test: @Sendable (any TestClientProtocol, URL) async throws -> Void) async throws {
        let site = TemporaryFolders.unusedPath("rapport-email-preview")
        defer { try? FileManager.default.removeItem(at: site) }
        try SampleSite.write(to: site)
        var build = BuildOptions(siteDirectory: site)
        build.today = Self.today
        _ = try SiteBuilder(options: build).build()
        let state = PreviewState(outputDirectory: site.appendingPathComponent("Output"))
        let app = Application(router: buildRouter(state: state, emails: EmailPreview(siteDirectory: site, today: Self.today)))
        try await app.test(.router) { client in try await test(client, site) }
    }

    /// The messages `rapport outbox` writes for NW-1002, for comparison.
    private func outbox(_ site: URL) throws -> [OutboxMessage] {
        var options = OutboxOptions(siteDirectory: site)
        options.today = Self.today
        options.only = ["NW-1002"]
        options.includeReviews = true
        options.writeOutput = false
        options.keepParts = true
        return try OutboxBuilder(options: options).build().messages
    }

    @Test("newsletter and review pages link to their email preview")
    func pagesLinkToThePreview() async throws {
        try await withSite { client, _ in
            let page = try await client.execute(uri: "/customers/nw-1002/newsletters/2026-11/", method: .get)
            #expect(String(buffer: page.body).contains(#"href="/_rapport/email/NW-1002/#newsletter-2026-11""#))
            let dashboard = try await client.execute(uri: "/", method: .get)
            #expect(!String(buffer: dashboard.body).contains("rapport-email-preview"))
        }
    }

    @Test("the preview shows each message's headers and text, the HTML part and .eml exactly as the outbox writes them")
    func partsAreTheOutboxs() async throws {
        try await withSite { client, site in
            let messages = try outbox(site)
            #expect(messages.map(\.file) == ["new/nw-1002-newsletter-2026-11.eml", "new/nw-1002-review-2026-Q4.eml"])
            let page = String(buffer: try await client.execute(uri: "/_rapport/email/NW-1002/", method: .get).body)
            for message in messages {
                #expect(page.contains("<tr><th>Subject</th><td>\(HTMLText.escape(message.subject))</td></tr>"))
                #expect(page.contains("<pre>\(HTMLText.escape(message.text ?? "-"))</pre>"))
            }
            #expect(page.contains("<tr><th>To</th><td>marcus.oyelaran@kestrelfreight.example</td></tr>"))
            let html = try await client.execute(uri: "/_rapport/email/NW-1002/newsletter-2026-11.html", method: .get)
            #expect(html.headers[.contentSecurityPolicy]?.hasPrefix("sandbox") == true)
            #expect(String(buffer: html.body) == messages[0].html)
            let eml = try await client.execute(uri: "/_rapport/email/NW-1002/review-2026-Q4.eml", method: .get)
            #expect(eml.headers[.contentType] == "message/rfc822")
            #expect(Data(buffer: eml.body) == messages[1].eml)
        }
    }

    @Test("an unknown customer shows the error, not an empty page")
    func unknownCustomer() async throws {
        try await withSite { client, _ in
            let response = try await client.execute(uri: "/_rapport/email/NW-9999/", method: .get)
            #expect(response.status == .internalServerError)
            #expect(String(buffer: response.body).contains("--only names customer &quot;NW-9999&quot;, who is not in the records"))
            let missing = try await client.execute(uri: "/_rapport/email/NW-1002/newsletter-1999-01.html", method: .get)
            #expect(missing.status == .notFound)
        }
    }
}
