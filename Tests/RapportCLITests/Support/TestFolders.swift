import Foundation
import TestSupport

/// The fixture sites (shared with RapportCoreTests) and scratch folders.
enum TestFolders {
    static let fixtures = RapportBinary.packageRoot.appendingPathComponent("Tests/RapportCoreTests/Fixtures")

    static func fixture(_ name: String) -> URL {
        fixtures.appendingPathComponent(name)
    }

    /// A fresh empty folder under this test process's scratch root, which
    /// is removed when the process exits (most tests leave theirs).
    static func temporaryDirectory(_ label: String = "rapport-cli-test") -> URL {
        TemporaryFolders.make(label)
    }

    /// Copies a fixture site to `<new temporary folder>/site` so a test may change it.
    static func copyOfFixture(_ name: String) throws -> URL {
        let site = temporaryDirectory(name.replacingOccurrences(of: "/", with: "-")).appendingPathComponent("site")
        try FileManager.default.copyItem(at: fixture(name), to: site)
        return site
    }
}
