import Foundation
import RapportCore
import RapportPreview
import ServiceLifecycle
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The preview as a person sees it: the real application on a free
/// loopback port, the embedded sample site, and headless Chromium loading the
/// dashboard. Every wait is bounded; the browser and the server are
/// stopped whatever happens.
@Suite("Real browser", .serialized)
struct BrowserScreenshotTests {
    @Test("headless Chromium shows the served dashboard with the customer switcher, and every customer on the list page", .timeLimit(.minutes(3)))
    func dashboardInChromium() async throws {
        let chromium = try #require(
            HeadlessChromium.locate(),
            "chromium is not installed: `make test` installs it (apt-get install chromium), or install it by hand")
        let base = TemporaryFolders.unusedPath("rapport-browser")
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        try SampleSite.write(to: site)

        let server = try await RunningPreview(site: site)
        do {
            let browser = HeadlessChromium(executable: chromium, profile: base.appendingPathComponent("profile"))
            defer { browser.killLeftovers() }

            let screenshot = base.appendingPathComponent("dashboard.png")
            let shot = try await browser.run(["--screenshot=\(screenshot.path)", "--window-size=1200,900", server.url.absoluteString])
            #expect(shot.status == 0, "chromium failed:\n\(shot.errors)")
            let png = try Data(contentsOf: screenshot)
            #expect(PNGHeader(png) == PNGHeader(width: 1200, height: 900))
            // A blank 1200×900 page compresses to about 5 KB; the dashboard's text, cards and table to well over 20.
            #expect(png.count > 20_000, "a \(png.count)-byte screenshot is a blank page")

            let dump = try await browser.run(["--dump-dom", server.url.absoluteString])
            #expect(dump.status == 0, "chromium failed:\n\(dump.errors)")
            let dom = String(decoding: dump.output, as: UTF8.self)
            #expect(dom.contains("<title>Northwind Success</title>"))
            #expect(dom.contains("<aside id=\"rapport-switcher\" aria-label=\"Preview: open a customer\">"), "no customer switcher")
            #expect(dom.contains("<input id=\"rapport-switcher-q\" type=\"search\" placeholder=\"Name or id\" autocomplete=\"off\">"))
            #expect(dom.contains("<script>/* rapport serve: live reload */"), "no live-reload script")
            #expect(dom.contains("href=\"customers/page/1/index.html\""), "no link to every customer")
            // The dashboard shows capped lists; every customer is on the paginated list (500 to a page).
            let listURL = server.url.appendingPathComponent("customers/page/1/index.html")
            let list = try await browser.run(["--dump-dom", listURL.absoluteString])
            #expect(list.status == 0, "chromium failed:\n\(list.errors)")
            let listDOM = String(decoding: list.output, as: UTF8.self)
            let ids = try Self.customerIDs(site: site)
            #expect(ids.count == 25)
            let absent = ids.filter { !listDOM.contains($0) }
            #expect(absent.isEmpty, "customers missing from the list of customers: \(absent)")
            #expect(browser.leftovers().isEmpty, "browser processes still running")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        #expect(server.log.lines.first?.hasPrefix("Built 25 customers, ") == true, "log: \(server.log.lines)")
    }

    /// The first column of the sample's customers.csv (no quoted ids in it).
    static func customerIDs(site: URL) throws -> [String] {
        let text = try String(contentsOf: site.appendingPathComponent("Content/customers.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
    }
}

/// The preview application from `buildApplication` on port 0, after a
/// first build as `rapport serve` does it; ready once it tells its URL,
/// stopped by a graceful shutdown, as Ctrl-C stops `rapport serve`.
private struct RunningPreview {
    let url: URL
    let log: LogLines
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let finished: Flag

    init(site: URL) async throws {
        let log = LogLines()
        let ready = URLBox()
        let finished = Flag()
        var configuration = PreviewConfiguration(siteDirectory: site)
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.today = CalendarDate(year: 2026, month: 11, day: 15)
        configuration.log = { log.append($0) }
        configuration.onReady = { ready.set($0) }

        let state = PreviewState(outputDirectory: configuration.outputDirectory)
        let report = try SiteBuilder(options: configuration.buildOptions()).build()
        log.append("Built \(report.summary)")
        state.record(.succeeded)

        let app = buildApplication(configuration: configuration, state: state)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: app.logger))
        task = Task {
            defer { finished.set() }
            try await group.run()
        }
        self.group = group
        self.log = log
        self.finished = finished
        do {
            try await pollUntil(within: .seconds(30)) { ready.value != nil || finished.isSet }
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        guard let url = ready.value else {
            let result = await task.result
            throw PreviewDidNotStart(result: "\(result)", log: log.lines)
        }
        self.url = url
    }

    /// Shuts the server down gracefully and waits (at most 20 s) for it.
    func stop() async {
        await group.triggerGracefulShutdown()
        do {
            try await pollUntil(within: .seconds(20)) { finished.isSet }
        } catch {
            task.cancel()
            Issue.record("the preview server did not shut down within 20 s")
            return
        }
        if case .failure(let error) = await task.result {
            Issue.record("the preview server stopped with \(error)")
        }
    }
}

private struct PreviewDidNotStart: Error, CustomStringConvertible {
    var result: String
    var log: [String]
    var description: String { "the preview server did not start: \(result); log: \(log)" }
}

/// Runs headless Chromium with a throw-away profile, each run bounded.
private struct HeadlessChromium {
    let executable: URL
    let profile: URL
    var timeout: Duration = .seconds(60)

    struct Run {
        var status: Int32
        var output: Data
        var errors: String
    }

    /// `chromium` (Debian) or `chromium-browser` on the PATH.
    static func locate() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Runs the browser with `arguments` after the common flags; kills it
    /// when it outlives `timeout` (and then records an issue).
    func run(_ arguments: [String]) async throws -> Run {
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let stdout = profile.deletingLastPathComponent().appendingPathComponent("chromium-\(UUID().uuidString).out")
        let stderr = profile.deletingLastPathComponent().appendingPathComponent("chromium-\(UUID().uuidString).err")
        // A file that cannot be made fails FileHandle(forWritingTo:) below.
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        // Files, not pipes: a DOM larger than a pipe's buffer would block the browser until we read it.
        let outputHandle = try FileHandle(forWritingTo: stdout)
        let errorHandle = try FileHandle(forWritingTo: stderr)
        defer {
            try? outputHandle.close()
            try? errorHandle.close()
        }
        let process = Process()
        process.executableURL = executable
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)"] + arguments
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        do {
            try await pollUntil(within: timeout) { !process.isRunning }
        } catch {
            Self.stop(process)
            killLeftovers()
            throw BrowserTimedOut(arguments: arguments, errors: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
        }
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: try Data(contentsOf: stdout),
            errors: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }

    /// Ids of processes still running with this run's profile: helpers the
    /// browser started and did not take down with it.
    func leftovers() -> [pid_t] {
        let marker = Array("--user-data-dir=\(profile.path)".utf8)
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.compactMap { name -> pid_t? in
            guard let id = pid_t(name),
                let line = FileManager.default.contents(atPath: "/proc/\(name)/cmdline"),
                line.split(separator: 0).contains(where: { Array($0) == marker })
            else { return nil }
            return id
        }
    }

    /// Kills, by id, every process left from this profile's runs.
    func killLeftovers() {
        for id in leftovers() { kill(id, SIGKILL) }
    }

    private static func stop(_ process: Process) {
        process.terminate()
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

private struct BrowserTimedOut: Error, CustomStringConvertible {
    var arguments: [String]
    var errors: String
    var description: String { "chromium \(arguments) did not finish within its time limit and was killed; its errors:\n\(errors)" }
}

/// Width and height from a PNG's IHDR chunk; nil when the data is no PNG.
private struct PNGHeader: Equatable, CustomStringConvertible {
    var width: UInt32
    var height: UInt32

    var description: String { "\(width)×\(height) PNG" }

    init(width: UInt32, height: UInt32) {
        self.width = width
        self.height = height
    }

    init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [137, 80, 78, 71, 13, 10, 26, 10], bytes[12..<16] == Array("IHDR".utf8)[...] else {
            return nil
        }
        func number(at offset: Int) -> UInt32 { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        width = number(at: 16)
        height = number(at: 20)
    }
}

/// A URL handed over from the server's ready callback.
private final class URLBox: @unchecked Sendable {
    // @unchecked: `stored` is guarded by `lock`.
    private let lock = NSLock()
    private var stored: URL?

    var value: URL? { lock.withLock { stored } }

    func set(_ url: URL) { lock.withLock { stored = url } }
}

/// Set once, read from any thread.
private final class Flag: @unchecked Sendable {
    // @unchecked: `value` is guarded by `lock`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}

/// Polls `condition` every 50 ms; throws when it stays false for `limit`.
private func pollUntil(within limit: Duration, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + limit
    while !condition() {
        guard ContinuousClock.now < deadline else { throw WaitTimedOut() }
        try await Task.sleep(for: .milliseconds(50))
    }
}

private struct WaitTimedOut: Error {}
