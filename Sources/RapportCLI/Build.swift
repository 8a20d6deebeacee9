import ArgumentParser
import Foundation
import RapportCore

extension Rapport {
    /// `rapport build`: render the site into the output folder.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render every customer's pages into the output folder.",
            discussion: "A failed build leaves the previous output folder exactly as it was."
        )

        @OptionGroup var siteOptions: SiteOptions

        @Option(name: .long, help: "The output folder (default: <site>/Output).")
        var output: String?

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Build only these customer ids.", valueName: "id"))
        var only: [String] = []

        @Option(name: .long, help: "Render workers (default: all cores).")
        var jobs: Int?

        @Flag(name: .long, help: "Leave out customers whose pages have errors, reporting each one.")
        var skipInvalid = false

        @Flag(name: .long, help: "Print nothing but problems.")
        var quiet = false

        @Flag(name: .long, help: "Render every page, ignoring what the previous build left.")
        var clean = false

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            var options = BuildOptions(
                siteDirectory: siteOptions.siteURL,
                outputDirectory: output.map { URL(fileURLWithPath: $0) })
            options.only = only
            options.strict = siteOptions.strict
            options.skipInvalid = skipInvalid
            options.clean = clean
            options.today = try siteOptions.todayDate()
            if let jobs { options.jobs = jobs }
            try Console.run(options, verb: "Built", quiet: quiet, sitePrefix: siteOptions.site)
        }
    }

    /// `rapport check`: everything `build` does except writing.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check records, content and layouts, rendering every page but writing nothing."
        )

        @OptionGroup var siteOptions: SiteOptions

        func run() throws {
            var options = BuildOptions(siteDirectory: siteOptions.siteURL)
            options.strict = siteOptions.strict
            options.today = try siteOptions.todayDate()
            options.writeOutput = false
            try Console.run(options, verb: "Checked", quiet: false, sitePrefix: siteOptions.site)
        }
    }
}
