import Foundation
import Testing

@testable import RapportCore

@Suite struct SampleSiteTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func embeddedSampleMatchesTheRepositoryRoot() throws {
        var onDisk: [String] = []
        for folder in ["Content", "Layouts"] {
            let paths = FileManager.default.subpaths(atPath: Self.repositoryRoot.appendingPathComponent(folder).path) ?? []
            for path in paths where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                var isDirectory: ObjCBool = false
                let full = Self.repositoryRoot.appendingPathComponent(folder).appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    onDisk.append("\(folder)/\(path)")
                }
            }
        }
        onDisk.append("rapport.yml")
        #expect(SampleSite.paths.sorted() == onDisk.sorted(), "run `make sample` to re-embed the sample site")
        for path in SampleSite.paths {
            let data = try Data(contentsOf: Self.repositoryRoot.appendingPathComponent(path))
            #expect(SampleSite.contents(of: path) == data, "\(path) changed: run `make sample`")
        }
    }

    @Test func initWritesASiteThatBuilds() throws {
        let folder = Fixtures.temporaryDirectory().appendingPathComponent("my-site")
        let written = try SampleSite.write(to: folder)
        #expect(written == SampleSite.paths.count)
        var options = BuildOptions(siteDirectory: folder)
        options.today = CalendarDate(year: 2026, month: 11, day: 26)
        options.environment = [:]
        let report = try SiteBuilder(options: options).build()
        #expect(report.customers == 25)
        #expect(report.warnings.isEmpty)
        #expect(throws: SampleSiteError.notEmpty(folder.path)) { try SampleSite.write(to: folder) }
    }
}
