import ArgumentParser
import Foundation
import RapportCore
import RapportPreview

extension Rapport {
    /// `rapport serve`: preview every customer's pages with live reload.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview the site in a browser, rebuilding and reloading on every save.",
            discussion: "Serves only on 127.0.0.1 unless --host says otherwise. Ctrl-C stops it."
        )

        @Option(name: .long, help: "The site folder.")
        var site: String = "."

        @Option(name: .long, help: "The address to listen on (127.0.0.1 keeps customer data on this machine).")
        var host: String = "127.0.0.1"

        @Option(name: .long, help: "The port (0 picks a free one).")
        var port: Int = 8000

        @Option(name: .long, help: "The output folder (default: <site>/Output).")
        var output: String?

        @Option(name: .long, help: ArgumentHelp("Treat this day as today (YYYY-MM-DD).", valueName: "date"))
        var today: String?

        @Flag(name: .long, help: "Treat warnings as errors.")
        var strict = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
            if let today, CalendarDate(iso: today) == nil {
                throw ValidationError("--today must be a date written YYYY-MM-DD, not \"\(today)\"")
            }
        }

        func run() async throws {
            var configuration = PreviewConfiguration(
                siteDirectory: URL(fileURLWithPath: site).standardizedFileURL,
                outputDirectory: output.map { URL(fileURLWithPath: $0).standardizedFileURL })
            configuration.host = host
            configuration.port = port
            configuration.strict = strict
            configuration.today = today.flatMap(CalendarDate.init(iso:))
            configuration.onReady = { url in
                print("Serving \(url.absoluteString) (Ctrl-C to stop)")
            }
            if host != "127.0.0.1" && host != "localhost" && host != "::1" {
                Console.printError("warning: serving on \(host): anyone who can reach this address can read your customers' pages")
            }
            try await PreviewServer(configuration: configuration).run()
            // Hummingbird's event loops take over a second to wind down after
            // a clean shutdown; nothing is left to flush, so leave now.
            Foundation.exit(0)
        }
    }
}
