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
        // 20 customer pages and 27 site pages: the dashboard, 2 pages of
        // customers, 3 lists, 2 team pages, 3 managers (page, book, 3 lists)
        // and 4 overview pages (page_size is 2 in this fixture).
        #expect(report.pages == 47)
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

    @Test func paginatedListsHoldEveryCustomerOnceAndNoPageMoreThanItsSize() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        _ = try SiteBuilder(options: Self.options(output: output)).build()
        func hubs(_ path: String) throws -> [String] {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            return html.components(separatedBy: "href=\"../../../").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
                .filter { $0.hasSuffix("/index.html") && !$0.contains("page/") && $0.hasPrefix("customers/") }
        }
        let first = try hubs("customers/page/1/index.html")
        let second = try hubs("customers/page/2/index.html")
        #expect(first.count == 2 && second.count == 2, "page_size is 2")
        #expect(Set(first + second).count == 4, "every customer exactly once")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("customers/page/3").path))
        let dashboard = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(dashboard.contains("and 1 more"), "lists are capped at list_limit (1) with a link to the rest")
        #expect(!dashboard.contains("<table>"), "the dashboard holds no table of every customer")
    }

    @Test func onlyBuildsTheNamedCustomers() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        var options = Self.options(output: output)
        options.only = ["E-2"]
        let report = try SiteBuilder(options: options).build()
        #expect(report.customers == 1)
        let customers = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("customers").path)
        // `page` holds the paginated list of customers (the slug is reserved).
        #expect(customers.sorted() == ["e-2", "page"])
    }

    @Test func checkRendersEverythingButWritesNothing() throws {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        var options = Self.options(output: output)
        options.writeOutput = false
        let report = try SiteBuilder(options: options).build()
        #expect(report.pages == 47)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).isEmpty)
    }
}
