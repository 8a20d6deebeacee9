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

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Build only shard K of N (1 to N) of the customers, for rapport merge; no site-wide pages.", valueName: "K/N"))
        var shard: String?

        @Flag(
            name: .long,
            help: "Take the shard from JOB_COMPLETION_INDEX (with --shards), CI_NODE_INDEX, CIRCLE_NODE_INDEX or BUILDKITE_PARALLEL_JOB.")
        var shardIndexFromEnv = false

        @Option(name: .long, help: ArgumentHelp("How many shards, with --shard-index-from-env.", valueName: "N"))
        var shards: Int?

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if shard != nil, shardIndexFromEnv { throw ValidationError("--shard and --shard-index-from-env cannot be used together") }
            if shards != nil, !shardIndexFromEnv { throw ValidationError("--shards is for --shard-index-from-env; with --shard write K/N") }
            if let shards, shards < 1 { throw ValidationError("--shards must be at least 1") }
            // Here rather than in run(), so a bad value prints `build`'s usage.
            _ = try chosenShard(environment: ProcessInfo.processInfo.environment)
            if shard != nil || shardIndexFromEnv {
                if skipInvalid {
                    throw ValidationError(
                        "--skip-invalid cannot be used with a shard: a customer left out would be missing from rapport merge")
                }
                if !only.isEmpty { throw ValidationError("--only cannot be used with a shard: rapport merge needs every customer") }
            }
        }

        /// The shard this run builds, from --shard or the environment.
        func chosenShard(environment: [String: String]) throws -> Shard? {
            do {
                if let shard { return try Shard(parsing: shard) }
                if shardIndexFromEnv { return try Shard.fromEnvironment(environment, count: shards) }
            } catch {
                throw ValidationError(error.message)
            }
            return nil
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
            options.shard = try chosenShard(environment: options.environment)
            let verb = options.shard.map { "Built shard \($0):" } ?? "Built"
            try Console.run(options, verb: verb, quiet: quiet, sitePrefix: siteOptions.site)
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
