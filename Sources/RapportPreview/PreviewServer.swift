import Foundation
import Hummingbird

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
        await PreviewRebuilder(configuration: configuration, state: state).rebuild(verb: "Built")
        let app = buildApplication(configuration: configuration, state: state)
        try await app.runService()
    }
}
