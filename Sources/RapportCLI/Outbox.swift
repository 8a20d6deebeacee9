import ArgumentParser
import Foundation
import RapportCore

extension Rapport {
    /// `rapport outbox`: write every recipient's message as an `.eml` file.
    struct Outbox: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write each customer's newsletter as an email, ready for sendmail, msmtp or an ESP.",
            discussion: """
                Writes a Maildir (new/<slug>-<kind>-<edition>.eml) and manifest.json listing every message \
                with its recipient, size, SHA-256 and send_after time. rapport does not send mail: see \
                "Sending newsletters" in the README. A failed run leaves the previous outbox exactly as it was.
                """
        )

        @OptionGroup var siteOptions: SiteOptions

        @Option(name: [.customLong("out"), .customLong("output")], help: "The outbox folder (default: <site>/Output/outbox).")
        var out: String?

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Write only to these customer ids.", valueName: "id"))
        var only: [String] = []

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only these editions (default: every one).", valueName: "name"))
        var edition: [String] = []

        @Flag(name: .long, help: "Reviews too, not only newsletters.")
        var reviews = false

        @Option(name: .long, help: "Render workers (default: all cores).")
        var jobs: Int?

        @Flag(name: .long, help: "Leave out customers whose messages have errors (a bad email address), reporting each one.")
        var skipInvalid = false

        @Flag(name: .long, help: "Compose and check every message, write nothing.")
        var dryRun = false

        @Flag(name: .long, help: "Print nothing but problems.")
        var quiet = false

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            var options = OutboxOptions(siteDirectory: siteOptions.siteURL, outboxDirectory: out.map { URL(fileURLWithPath: $0) })
            options.only = only
            options.editions = edition
            options.includeReviews = reviews
            options.strict = siteOptions.strict
            options.skipInvalid = skipInvalid
            options.writeOutput = !dryRun
            options.today = try siteOptions.todayDate()
            if let jobs { options.jobs = jobs }
            do {
                let report = try OutboxBuilder(options: options).build()
                for warning in report.warnings { Console.printError(Console.display(warning, sitePrefix: siteOptions.site)) }
                if !quiet, dryRun {
                    print("Checked \(report.summary); nothing written (--dry-run)")
                } else if !quiet {
                    print("Wrote \(report.summary)")
                    print("Outbox: \(options.outboxDirectory.path) (new/*.eml, manifest.json)")
                }
            } catch {
                for diagnostic in error.diagnostics { Console.printError(Console.display(diagnostic, sitePrefix: siteOptions.site)) }
                let count = error.errors.count
                Console.printError("outbox failed: \(count) error\(count == 1 ? "" : "s"); the outbox folder is unchanged")
                throw ExitCode.failure
            }
        }
    }
}
