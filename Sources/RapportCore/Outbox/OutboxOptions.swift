import Foundation

/// What `rapport outbox` was asked to do.
public struct OutboxOptions: Sendable {
    public var siteDirectory: URL
    /// The Maildir written; `<site>/Output/outbox` by default.
    public var outboxDirectory: URL
    /// Only these customer ids (all when empty).
    public var only: [String] = []
    /// Only these editions (`2026-11`, `2026-Q4`); every one when empty.
    public var editions: [String] = []
    /// Reviews too, not only newsletters.
    public var includeReviews = false
    public var strict = false
    /// Leave out customers whose messages have errors (each is still reported).
    public var skipInvalid = false
    public var today: CalendarDate = .today()
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// False for `--dry-run` and the preview: every message is composed and checked, nothing is written.
    public var writeOutput = true
    /// Keep each message's parts and bytes in the report (the preview; a
    /// whole book's would not fit in memory).
    public var keepParts = false
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init(siteDirectory: URL, outboxDirectory: URL? = nil) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outboxDirectory =
            (outboxDirectory ?? siteDirectory.appendingPathComponent("Output").appendingPathComponent(OutboxPaths.folder))
            .standardizedFileURL
    }

    /// The site as `SiteLoader` reads it.
    var buildOptions: BuildOptions {
        var options = BuildOptions(siteDirectory: siteDirectory)
        options.only = only
        options.today = today
        options.strict = strict
        options.environment = environment
        options.writeOutput = false
        return options
    }
}
