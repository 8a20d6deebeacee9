import ArgumentParser
import Foundation
import RapportCore

extension Rapport {
    /// `rapport merge OUT SHARD...`: the site from the outputs of `rapport build --shard K/N`.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put the outputs of rapport build --shard K/N together into the whole site.",
            discussion: """
                Checks that the shard folders are all N shards of one build of the site, links their pages into OUT \
                and writes the dashboard, lists, team and overview pages, the assets and manifest.json: byte for byte \
                what one rapport build of the site with the same --today writes. A failed merge leaves OUT as it was.
                """
        )

        @OptionGroup var siteOptions: SiteOptions

        @Argument(help: "The output folder to write the merged site into.")
        var output: String

        @Argument(help: "The shard folders (the --output of each rapport build --shard K/N).")
        var shardFolders: [String]

        @Option(name: .long, help: "Render workers (default: all cores).")
        var jobs: Int?

        @Flag(name: .long, help: "Print nothing but problems.")
        var quiet = false

        @Flag(name: .long, help: "Render every site page, ignoring what the previous merge left in the output folder.")
        var clean = false

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            if shardFolders.isEmpty { throw ValidationError("give at least one shard folder after the output folder") }
        }

        func run() throws {
            var options = BuildOptions(siteDirectory: siteOptions.siteURL, outputDirectory: URL(fileURLWithPath: output))
            options.strict = siteOptions.strict
            options.clean = clean
            options.today = try siteOptions.todayDate()
            if let jobs { options.jobs = jobs }
            let folders = shardFolders
            try Console.run(options, verb: "Merged", failure: "merge", quiet: quiet, sitePrefix: siteOptions.site) {
                options throws(DiagnosticList) in try ShardMerger(options: options, shardFolders: folders).merge()
            }
        }
    }
}
