import Foundation

/// What `rapport build` and `rapport check` were asked to do.
public struct BuildOptions: Sendable {
    public var siteDirectory: URL
    /// Where the site is written; `<site>/Output` by default.
    public var outputDirectory: URL
    /// Only these customer ids (all when empty).
    public var only: [String] = []
    /// Render workers; all cores by default.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Warnings fail the build.
    public var strict = false
    /// Leave out customers whose pages have errors (each is still reported).
    public var skipInvalid = false
    /// Build only this shard's customers and no site-wide pages (`--shard K/N`);
    /// `rapport merge` puts the shards together.
    public var shard: Shard?
    /// "Today" for computed values such as days to renewal.
    public var today: CalendarDate = .today()
    /// Render everything, ignoring what the previous build left (`--clean`).
    public var clean = false
    /// False for `rapport check`: everything is rendered, nothing is written.
    public var writeOutput = true
    /// Called with (done, total) while customers render.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Cancels the build (Ctrl-C) at the next customer; the output stays as it was.
    public var isCancelled: @Sendable () -> Bool = { false }
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init(siteDirectory: URL, outputDirectory: URL? = nil) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteDirectory.appendingPathComponent("Output")).standardizedFileURL
    }
}
