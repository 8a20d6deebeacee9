import ArgumentParser
import Foundation
import RapportCore

extension Rapport {
    /// `rapport new newsletter 2026-12` / `rapport new review 2027-Q1`.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start the next newsletter or review from the site's previous one.",
            discussion: "The new file copies the newest one of its kind (or the sample's) with the date set; edit its title and body."
        )

        @Argument(help: "newsletter or review")
        var kind: DocumentScaffolder.Kind

        @Argument(help: "The edition (2026-12) or period (2027-Q1).")
        var name: String

        @Option(name: .long, help: "The site folder.")
        var site: String = "."

        func run() throws {
            do {
                let (path, basedOn) = try DocumentScaffolder(siteDirectory: URL(fileURLWithPath: site)).create(kind, named: name)
                let shown = site == "." ? path : (site.hasSuffix("/") ? site : site + "/") + path
                print("Created \(shown) from \(basedOn). Edit its title and body, then run rapport build.")
            } catch {
                Console.printError(error.description)
                throw ExitCode.failure
            }
        }
    }
}

extension DocumentScaffolder.Kind: ExpressibleByArgument {}
