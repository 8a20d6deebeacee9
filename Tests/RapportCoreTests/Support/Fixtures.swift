import Foundation
import TestSupport

/// Paths of the fixture sites and golden files beside these tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func site(_ name: String) -> URL {
        root.appendingPathComponent(name)
    }

    static func invalidSite(_ name: String) -> URL {
        root.appendingPathComponent("Invalid").appendingPathComponent(name)
    }

    static func golden(_ name: String) -> URL {
        root.appendingPathComponent("Golden").appendingPathComponent(name)
    }

    /// A fresh empty folder under this test process's scratch root, which
    /// is removed when the process exits (most tests leave theirs).
    static func temporaryDirectory(_ label: String = "rapport-test") -> URL {
        TemporaryFolders.make(label)
    }

    /// Copies a fixture site into a temporary folder so a test may change it.
    static func copyOfSite(_ name: String) -> URL {
        let destination = temporaryDirectory(name).appendingPathComponent("site")
        try! FileManager.default.copyItem(at: site(name), to: destination)
        return destination
    }
}
