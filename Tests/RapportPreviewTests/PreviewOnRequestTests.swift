import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import TestSupport
import Testing

@testable import RapportPreview

/// After a save, the open pages render first from the new sources and only
/// their tabs reload; a customer page asked for during the background
/// rebuild is rendered then, never Output/'s stale copy.
@Suite("Preview renders on request", .serialized)
struct PreviewOnRequestTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 15)

    @Test("an edit reloads the open newsletter at once, not the untouched tab; requests during the rebuild see the edit")
    func openPagesFirst() async throws {
        let site = TemporaryFolders.unusedPath("rapport-on-request")
        defer { try? FileManager.default.removeItem(at: site) }
        try SampleSite.write(to: site)
        var configuration = PreviewConfiguration(siteDirectory: site)
        configuration.today = Self.today
        let log = LogLines()
        configuration.log = { log.append($0) }
        let state = PreviewState(outputDirectory: configuration.outputDirectory)
        let pages = PreviewPages(options: configuration.buildOptions())
        state.pages = pages
        #expect(await PreviewRebuilder(configuration: configuration, state: state).rebuild(verb: "Built") == .succeeded)
        try pages.refresh(changed: [], options: configuration.buildOptions())

        let newsletter = "customers/nw-1002/newsletters/2026-11/index.html"
        let untouched = "customers/nw-1003/index.html"
        let (_, newsletterEvents) = state.broadcaster.subscribe(page: newsletter)
        let (_, hubEvents) = state.broadcaster.subscribe(page: untouched)

        let file = site.appendingPathComponent("Content/newsletters/2026-11.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Hi {{customer.first_name}},", with: "Hello again {{customer.first_name}},")
            .write(to: file, atomically: true, encoding: .utf8)
        let updater = PreviewUpdater(configuration: configuration, state: state, pages: pages, stopping: StopFlag())
        await updater.sourcesChanged(["Content/newsletters/2026-11.md"])

        // The open newsletter was rendered and told to reload before the rebuild ended.
        var newsletterIterator = newsletterEvents.makeAsyncIterator()
        #expect(await newsletterIterator.next() == .reload(generation: 2))
        #expect(String(decoding: try #require(state.renderedPage(newsletter)), as: UTF8.self).contains("Hello again Marcus"))
        #expect(
            log.lines.contains { $0.wholeMatch(of: /Rendered 1 changed open page in \d+ ms; rebuilding the rest/) != nil }, "\(log.lines)")

        // Any customer page asked for now is rendered from the new sources.
        let app = Application(router: buildRouter(state: state))
        try await app.test(.router) { client in
            if state.rendersOnRequest {
                let other = try await client.execute(uri: "/customers/nw-1005/newsletters/2026-11/", method: .get)
                #expect(String(buffer: other.body).contains("Hello again"))
                let dashboard = try await client.execute(uri: "/", method: .get)
                #expect(dashboard.status == .ok)
            }
        }
        try await waitUntil(seconds: 30) { !state.rendersOnRequest }
        #expect(state.generation == 3)
        let built = try String(contentsOf: configuration.outputDirectory.appendingPathComponent(newsletter), encoding: .utf8)
        #expect(built.contains("Hello again Marcus"))

        // Rendered on request or by the build, a page is the same bytes.
        for path in [newsletter, untouched, "print/nw-1002/newsletter-2026-11.html", "index.html", "newsletters/2026-11/index.html", "customers/page/1/index.html", "team/index.html"] {
            let written = try String(contentsOf: configuration.outputDirectory.appendingPathComponent(path), encoding: .utf8)
            #expect(try pages.render(path) == written, "\(path)")
        }
        #expect(try pages.render("no/such/page.html") == nil)

        // The untouched hub never reloaded; the newsletter's tab not again.
        state.broadcaster.finish()
        var hubIterator = hubEvents.makeAsyncIterator()
        #expect(await hubIterator.next() == nil)
        #expect(await newsletterIterator.next() == nil)
    }

    @Test("an open page the new sources cannot make shows why, not the old page")
    func openPageErrors() async throws {
        let site = TemporaryFolders.unusedPath("rapport-on-request")
        defer { try? FileManager.default.removeItem(at: site) }
        try SampleSite.write(to: site)
        var configuration = PreviewConfiguration(siteDirectory: site)
        configuration.today = Self.today
        configuration.log = { _ in }
        let state = PreviewState(outputDirectory: configuration.outputDirectory)
        let pages = PreviewPages(options: configuration.buildOptions())
        state.pages = pages
        #expect(await PreviewRebuilder(configuration: configuration, state: state).rebuild(verb: "Built") == .succeeded)
        // NW-1005 has no contact_name: a newsletter that needs one cannot be made for them.
        let open = "customers/nw-1005/newsletters/2026-11/index.html"
        let (_, events) = state.broadcaster.subscribe(page: open)
        let file = site.appendingPathComponent("Content/newsletters/2026-11.md")
        try (try String(contentsOf: file, encoding: .utf8) + "\nDear {{customer.contact_name}}\n").write(
            to: file, atomically: true, encoding: .utf8)
        let updater = PreviewUpdater(configuration: configuration, state: state, pages: pages, stopping: StopFlag())
        await updater.sourcesChanged(["Content/newsletters/2026-11.md"])
        var iterator = events.makeAsyncIterator()
        #expect(await iterator.next() == .reload(generation: 2))
        let shown = String(decoding: try #require(state.renderedPage(open)), as: UTF8.self)
        #expect(shown.contains("customer.contact_name is empty for this customer"))
        #expect(shown.contains("(customer NW-1005)"))
        try await waitUntil(seconds: 30) { !state.rendersOnRequest }
        state.broadcaster.finish()
    }

    @Test("a page path reads back to the customer page it names, and nothing else")
    func pagePaths() {
        #expect(PreviewPages.isCustomerPage("customers/nw-1002/index.html"))
        #expect(PreviewPages.isCustomerPage("customers/nw-1002/reviews/2026-Q4/index.html"))
        #expect(PreviewPages.isCustomerPage("print/nw-1002/review-2026-Q4.html"))
        #expect(!PreviewPages.isCustomerPage("customers/page/2/index.html"))
        #expect(!PreviewPages.isCustomerPage("index.html"))
        #expect(!PreviewPages.isCustomerPage("newsletters/2026-11/index.html"))
        #expect(OutputFileResolver.pagePath("/customers/nw-1002/?x=1") == "customers/nw-1002/index.html")
        #expect(OutputFileResolver.pagePath("/customers/../etc/passwd") == nil)
    }
}
