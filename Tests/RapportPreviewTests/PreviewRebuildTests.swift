import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import TestSupport
import Testing

@testable import RapportPreview

/// The preview over a real build of the embedded sample site.
@Suite("Preview rebuilds", .serialized)
struct PreviewRebuildTests {
    private struct Site {
        let directory: URL
        let log = LogLines()
        var output: URL { directory.appendingPathComponent("Output") }

        init() throws {
            directory = TemporaryFolders.unusedPath("rapport-rebuild")
            try SampleSite.write(to: directory)
        }

        var configuration: PreviewConfiguration {
            var configuration = PreviewConfiguration(siteDirectory: directory)
            configuration.today = CalendarDate(year: 2026, month: 11, day: 15)
            configuration.pollInterval = .milliseconds(50)
            configuration.quietPeriod = .milliseconds(100)
            let log = self.log
            configuration.log = { log.append($0) }
            return configuration
        }

        func write(_ text: String, to path: String) throws {
            try Data(text.utf8).write(to: directory.appendingPathComponent(path))
        }
    }

    @Test("a good build is recorded; a failed one keeps Output/, prints diagnostics and shows them in the page")
    func rebuildCycle() async throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(at: site.directory) }
        let state = PreviewState(outputDirectory: site.output)
        let rebuilder = PreviewRebuilder(configuration: site.configuration, state: state)

        #expect(await rebuilder.rebuild(verb: "Built") == .succeeded)
        #expect(state.generation == 1)
        #expect(site.log.lines.last?.hasPrefix("Built ") == true)
        let dashboard = try Data(contentsOf: site.output.appendingPathComponent("index.html"))

        let config = try String(contentsOf: site.directory.appendingPathComponent("rapport.yml"), encoding: .utf8)
        try site.write("title: [unclosed\n", to: "rapport.yml")
        let failed = await rebuilder.rebuild()
        guard case .failed(let diagnostics) = failed else {
            Issue.record("expected a failed build, got \(failed)")
            return
        }
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.location?.path.hasSuffix("rapport.yml") ?? false })
        #expect(state.status == failed)
        #expect(
            site.log.lines.suffix(diagnostics.count + 1) == diagnostics.map(\.description) + [
                "build failed: \(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s"); still serving the last good build"
            ])
        #expect(try Data(contentsOf: site.output.appendingPathComponent("index.html")) == dashboard)

        let app = Application(router: buildRouter(state: state))
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .internalServerError)
            #expect(String(buffer: page.body).contains(HTMLText.escape(diagnostics[0].description)))
        }

        try site.write(config, to: "rapport.yml")
        #expect(await rebuilder.rebuild() == .succeeded)
        #expect(state.generation == 3)
        #expect(site.log.lines.last?.hasPrefix("Rebuilt ") == true)
    }

    @Test("the running application rebuilds on a save, pushes reload to an open event stream, and shuts down cleanly")
    func watchRebuildReload() async throws {
        let site = try Site()
        defer { try? FileManager.default.removeItem(at: site.directory) }
        let state = PreviewState(outputDirectory: site.output)
        await PreviewRebuilder(configuration: site.configuration, state: state).rebuild(verb: "Built")
        #expect(state.generation == 1)

        let app = buildApplication(configuration: site.configuration, state: state)
        try await app.test(.router) { client in
            async let stream = client.execute(uri: "/_rapport/events", method: .get)
            try await waitUntil { state.broadcaster.subscriberCount == 1 }
            // Let the watcher take its baseline, then save.
            try await Task.sleep(for: .milliseconds(200))
            let newsletters = site.directory.appendingPathComponent("Content/newsletters")
            let edition = try #require(
                FileManager.default.contentsOfDirectory(atPath: newsletters.path).sorted().first { $0.hasSuffix(".md") })
            let text = try String(contentsOf: newsletters.appendingPathComponent(edition), encoding: .utf8)
            try site.write(text + "\nOne more line.\n", to: "Content/newsletters/\(edition)")
            try await waitUntil(seconds: 20) { state.generation == 2 }
            #expect(state.status == .succeeded)
            state.broadcaster.finish()
            #expect(String(buffer: try await stream.body) == "retry: 1000\nevent: hello\ndata: 1\n\nevent: reload\ndata: 2\n\n")
        }
    }
}

/// Lines the preview logged, collected across threads.
final class LogLines: @unchecked Sendable {
    // @unchecked: the lines are guarded by `lock`.
    private let lock = NSLock()
    private var stored: [String] = []

    var lines: [String] { lock.withLock { stored } }

    func append(_ line: String) { lock.withLock { stored.append(line) } }
}
