import Foundation
import Testing

@testable import RapportCore

/// The "Everything" fixture uses every feature; its whole output is
/// compared with golden files.
@Suite struct EverythingSiteTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 26)

    static func options(output: URL, site: URL = Fixtures.site("Everything")) -> BuildOptions {
        var options = BuildOptions(siteDirectory: site, outputDirectory: output)
        options.today = today
        options.environment = [:]
        return options
    }

    @Test func wholeOutputMatchesGoldenFiles() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let report = try SiteBuilder(options: Self.options(output: output)).build()
        #expect(report.customers == 4)
        #expect(report.pages == 24)
        #expect(report.warnings.isEmpty)
        try FolderSnapshot.expectMatchesGolden(output, golden: Fixtures.golden("Everything"))
    }

    @Test func sameInputsGiveSameBytesWhateverTheJobCount() throws {
        let first = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let second = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        var serial = Self.options(output: first)
        serial.jobs = 1
        var parallel = Self.options(output: second)
        parallel.jobs = 8
        _ = try SiteBuilder(options: serial).build()
        _ = try SiteBuilder(options: parallel).build()
        #expect(FolderSnapshot(first) == FolderSnapshot(second))
    }

    @Test func staleFilesFromRemovedCustomersVanish() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        try FileManager.default.createDirectory(
            at: output.appendingPathComponent("customers/gone"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("customers/gone/index.html"))
        _ = try SiteBuilder(options: Self.options(output: output)).build()
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("customers/gone").path))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings == ["Output"], "no staging folders are left behind")
    }

    @Test func onlyBuildsTheNamedCustomers() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        var options = Self.options(output: output)
        options.only = ["E-2"]
        let report = try SiteBuilder(options: options).build()
        #expect(report.customers == 1)
        let customers = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("customers").path)
        #expect(customers == ["e-2"])
    }

    @Test func checkRendersEverythingButWritesNothing() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        var options = Self.options(output: output)
        options.writeOutput = false
        let report = try SiteBuilder(options: options).build()
        #expect(report.pages == 24)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).isEmpty)
    }
}
