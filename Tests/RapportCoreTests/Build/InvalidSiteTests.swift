import Foundation
import Testing

@testable import RapportCore

/// Each folder in Fixtures/Invalid is a small site with one kind of
/// mistake; `expected.txt` beside its files holds the exact diagnostics the
/// build must report, one per line, in order.
@Suite struct InvalidSiteTests {
    static var cases: [String] {
        let folder = Fixtures.root.appendingPathComponent("Invalid")
        // Folders only: README.md beside them describes the cases.
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { name in
                var isDirectory: ObjCBool = false
                return !name.hasPrefix(".")
                    && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                    && isDirectory.boolValue
            }
            .sorted()
    }

    @Test(arguments: cases)
    func reportsExactlyTheExpectedDiagnostics(_ name: String) throws {
        let site = Fixtures.invalidSite(name)
        let expected = try String(contentsOf: site.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        var options = BuildOptions(siteDirectory: site, outputDirectory: output)
        options.today = CalendarDate(year: 2026, month: 11, day: 26)
        options.environment = [:]
        options.strict = FileManager.default.fileExists(atPath: site.appendingPathComponent("strict").path)
        do {
            _ = try SiteBuilder(options: options).build()
            Issue.record("\(name): the build succeeded but should have failed")
        } catch {
            #expect(error.diagnostics.map(\.description) == expected)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build writes no output")
    }

    @Test func thereAreInvalidFixtures() {
        #expect(Self.cases.count >= 20)
    }
}
