import Foundation
import RapportCore

/// What `rapport serve` was asked to do: which site, where to listen, how
/// to build, and whom to tell when the server is up.
public struct PreviewConfiguration: Sendable {
    public var siteDirectory: URL
    /// The built site the server serves; `<site>/Output` by default.
    public var outputDirectory: URL
    /// The address to listen on; loopback unless the user asks otherwise.
    public var host = "127.0.0.1"
    /// The port to listen on; 0 lets the system pick a free one.
    public var port = 8000
    /// "Today" for every build; nil means the real date at each rebuild,
    /// so a preview left running overnight moves on with the calendar.
    public var today: CalendarDate?
    /// Warnings fail the build, as with `rapport build --strict`.
    public var strict = false
    /// How often the watcher looks at the site's files.
    public var pollInterval: Duration = .milliseconds(250)
    /// How long the files must stay unchanged before a rebuild starts:
    /// long enough to see an editor's write-then-rename as one save, short
    /// enough not to be most of the wait for the page.
    public var quietPeriod: Duration = .milliseconds(50)
    /// Render workers of each build; all cores when nil.
    public var jobs: Int?
    /// Called once the server listens, with its URL (and the real port when 0 was asked).
    public var onReady: @Sendable (URL) -> Void = { _ in }
    /// Where build summaries and diagnostics go; standard error by default, like the CLI.
    public var log: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A configuration for the site at `siteDirectory`, with the defaults above.
    public init(siteDirectory: URL, outputDirectory: URL? = nil) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("Output")).standardizedFileURL
    }

    /// The options each rebuild runs with.
    public func buildOptions(isCancelled: @escaping @Sendable () -> Bool = { false }) -> BuildOptions {
        var options = BuildOptions(siteDirectory: siteDirectory, outputDirectory: outputDirectory)
        options.strict = strict
        options.today = today ?? .today()
        options.isCancelled = isCancelled
        if let jobs { options.jobs = jobs }
        return options
    }

    /// The URL to print for a server bound to `port`: loopback when the
    /// host is the "any address" wildcard, which no browser can open.
    public func url(port: Int) -> URL {
        let name: String
        switch host {
        case "0.0.0.0", "": name = "127.0.0.1"
        case "::", "[::]": name = "[::1]"
        default: name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
        return URL(string: "http://\(name):\(port)/")!
    }
}
