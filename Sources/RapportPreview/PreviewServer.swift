import Foundation
import Hummingbird
import RapportCore

/// `rapport serve`: build the site, serve the output folder on loopback,
/// rebuild on every save and reload open pages, until Ctrl-C.
public struct PreviewServer: Sendable {
    public let configuration: PreviewConfiguration

    public init(configuration: PreviewConfiguration) {
        self.configuration = configuration
    }

    /// Builds once (a failure is shown in the browser, not fatal), then
    /// serves until SIGINT or SIGTERM, shutting down cleanly. Throws when
    /// the address cannot be bound.
    public func run() async throws {
        let state = PreviewState(outputDirectory: configuration.outputDirectory)
        let pages = PreviewPages(options: configuration.buildOptions())
        state.pages = pages
        await PreviewRebuilder(configuration: configuration, state: state).rebuild(verb: "Built")
        // The site in memory that open pages render from after a save,
        // loaded while the first page is looked at.
        let options = configuration.buildOptions()
        DispatchQueue.global(qos: .utility).async { try? pages.refresh(changed: [], options: options) }
        let app = buildApplication(configuration: configuration, state: state)
        try await app.runService()
    }
}
