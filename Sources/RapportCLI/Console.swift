import ArgumentParser
import Dispatch
import Foundation
import RapportCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a build the way a terminal user expects: progress while it runs,
/// problems as `path:line:col: error: ...`, a one-line summary, Ctrl-C that
/// leaves the output untouched.
enum Console {
    /// `sitePrefix` is the site folder as the user typed it: paths in
    /// messages are relative to the site, and printing them relative to the
    /// current folder lets terminals and editors open them.
    static func run(_ options: BuildOptions, verb: String, quiet: Bool, sitePrefix: String = ".") throws {
        try run(options, verb: verb, failure: verb == "Checked" ? "check" : "build", quiet: quiet, sitePrefix: sitePrefix) {
            options throws(DiagnosticList) in try SiteBuilder(options: options).build()
        }
    }

    /// Runs `work` (a build or a merge) with `options` as `run` does; `failure`
    /// names it in the last line of a failure ("build failed: ...").
    static func run(
        _ options: BuildOptions, verb: String, failure: String, quiet: Bool, sitePrefix: String = ".",
        _ work: (BuildOptions) throws(DiagnosticList) -> BuildReport
    ) throws {
        var options = options
        let cancel = CancelFlag()
        let signalSource = cancel.watchInterrupts()
        defer { signalSource.cancel() }
        options.isCancelled = { cancel.isSet }
        let progress = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        options.progress = { done, total in progress.update(done, total) }

        do {
            let report = try work(options)
            progress.finish()
            for warning in report.warnings { printError(display(warning, sitePrefix: sitePrefix)) }
            if !quiet { print(report.upToDate ? "Up to date: \(report.summary)" : "\(verb) \(report.summary)") }
        } catch {
            progress.finish()
            for diagnostic in error.diagnostics { printError(display(diagnostic, sitePrefix: sitePrefix)) }
            let count = error.errors.count
            printError(
                "\(failure) failed: \(count) error\(count == 1 ? "" : "s")\(options.writeOutput ? "; the output folder is unchanged" : "")")
            throw ExitCode.failure
        }
    }

    static func display(_ diagnostic: Diagnostic, sitePrefix: String) -> String {
        var shown = diagnostic
        if var location = shown.location, !location.path.hasPrefix("/"), sitePrefix != "." {
            location.path = (sitePrefix.hasSuffix("/") ? sitePrefix : sitePrefix + "/") + location.path
            shown.location = location
        }
        return shown.description
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Set by Ctrl-C (SIGINT) or SIGTERM; the build stops at the next customer.
final class CancelFlag: @unchecked Sendable {
    // @unchecked: the flag is guarded by `lock`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func watchInterrupts() -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [self] in
            lock.withLock { value = true }
            Console.printError("\ninterrupted: stopping; the output folder stays as it was")
        }
        source.resume()
        return source
    }
}

/// A one-line progress bar on stderr, redrawn at most every 1%.
final class ProgressBar: @unchecked Sendable {
    // @unchecked: state is guarded by `lock`.
    private let lock = NSLock()
    private let enabled: Bool
    private var lastPercent = -1
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        lock.withLock {
            let percent = done * 100 / total
            guard percent != lastPercent else { return }
            lastPercent = percent
            let width = 30
            let filled = percent * width / 100
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) customers".utf8))
            drawn = true
        }
    }

    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drawn = false
        }
    }
}
