import ArgumentParser
import Foundation
import RapportCore

extension Rapport {
    /// `rapport init DIR`: write the sample site into a new folder.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a working sample site in a new folder."
        )

        @Argument(help: "The folder to create (must not exist or be empty).")
        var directory: String

        func run() throws {
            let url = URL(fileURLWithPath: directory).standardizedFileURL
            do {
                let written = try SampleSite.write(to: url)
                print("Created \(directory) with \(written) files. Next: rapport build --site \(directory)")
            } catch {
                Console.printError("\(directory): error: \(error)")
                throw ExitCode.failure
            }
        }
    }
}
