import ArgumentParser
import RapportCore
import RapportMarkdown

/// The `rapport` command: personal newsletters and honest account reviews
/// for every customer, from a CRM export and Markdown.
@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Render a personal newsletter for every customer from a CRM export and Markdown.",
        version: "rapport \(RapportVersion.current) (cmark-gfm \(MarkdownRenderer.cmarkVersion))",
        subcommands: [Build.self, Check.self, Merge.self, Outbox.self, Serve.self, Init.self, New.self],
        defaultSubcommand: nil
    )
}
