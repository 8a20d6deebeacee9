import Foundation
import Testing

@testable import RapportCore

/// An incremental build must write exactly what a clean build of the same
/// sources writes, byte for byte, whatever changed since the last build.
///
/// The Everything fixture renders 47 pages: E-1 and E-2 get a hub and three
/// documents (each a web page and a print page), e-3 and E-4 a hub and one
/// newsletter (web and print): 7 + 7 + 3 + 3 = 20 customer pages, plus 27
/// site pages (the dashboard, its lists, the team, the managers' pages and
/// the overviews, two customers to a page).
///
/// Customer pages reused are counted by hand below. A site page is reused
/// exactly when its inputs are those of the previous build (read from the
/// two manifests), and the whole output must still equal a clean build's,
/// so a site page whose inputs miss something it shows fails the test.
@Suite struct IncrementalBuildTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 26)
    static let customerPages = 20
    static let sitePages = 27

    /// One change to the site's sources, with what the rebuild must reuse.
    enum Edit: String, CaseIterable, CustomTestStringConvertible {
        case customerRow
        case customerRegion
        case notesFile
        case layout
        case removedCustomer
        case metricsCell
        case configThreshold
        case newAsset
        case contentPartial
        case layoutPartial

        var testDescription: String { rawValue }

        /// Customer pages taken from the previous build: everything except
        /// the pages of the customers the edit touches; nothing when a
        /// shared input (layout, partial, config) changed. Print pages
        /// inline Content/assets, so any asset change reprints them all, and
        /// a document's web and print pages are reused together or not at
        /// all: a new asset leaves only the four hubs.
        var reusedCustomerPages: Int {
            switch self {
            case .customerRow, .customerRegion, .notesFile, .metricsCell: return IncrementalBuildTests.customerPages - 7
            case .removedCustomer: return IncrementalBuildTests.customerPages - 3
            case .newAsset: return 4
            case .layout, .configThreshold, .contentPartial, .layoutPartial: return 0
            }
        }

        /// Whether the edit leaves some site pages as they were: not when a
        /// shared input changed, which every page is made from.
        var keepsSitePages: Bool { reusedCustomerPages > 0 }

        var customerPageCount: Int {
            switch self {
            case .removedCustomer: return 17
            case .customerRegion: return 18
            default: return 20
            }
        }

        func apply(to site: URL) throws {
            switch self {
            case .customerRow:
                try IncrementalBuildTests.replace(";2027-09-01;9800;45;", with: ";2027-09-01;9900;45;", in: "Content/customers.csv", site: site)
            case .customerRegion:
                // Not on the dashboard's rows, but an audience field: E-1
                // stops receiving the EU edition, so the dashboard's count
                // of its recipients changes.
                try IncrementalBuildTests.replace(";2026-11-20;EU;", with: ";2026-11-20;US;", in: "Content/customers.csv", site: site)
            case .notesFile:
                try IncrementalBuildTests.replace("Ada's team is **growing**.", with: "Ada's team is **growing fast**.", in: "Content/notes/E-1.md", site: site)
            case .layout:
                try IncrementalBuildTests.replace("<h1>{{customer.name}}</h1>", with: "<h1>Account: {{customer.name}}</h1>", in: "Layouts/customer.mustache", site: site)
            case .removedCustomer:
                let url = site.appendingPathComponent("Content/customers.csv")
                let text = try String(contentsOf: url, encoding: .utf8)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.filter { $0.hasPrefix("E-4;") }.count == 1)
                try Data(lines.filter { !$0.hasPrefix("E-4;") }.joined(separator: "\n").utf8).write(to: url)
            case .metricsCell:
                try IncrementalBuildTests.replace("E-1,2026-07,active_users,100\n", with: "E-1,2026-07,active_users,105\n", in: "Content/metrics.csv", site: site)
            case .configThreshold:
                try IncrementalBuildTests.replace("renewal_window_days: 60", with: "renewal_window_days: 90", in: "rapport.yml", site: site)
            case .newAsset:
                try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".utf8)
                    .write(to: site.appendingPathComponent("Content/assets/img/new.svg"))
            case .contentPartial:
                try IncrementalBuildTests.replace("Best,", with: "Kind regards,", in: "Content/partials/signature.md", site: site)
            case .layoutPartial:
                try IncrementalBuildTests.replace("{{site.title}}</a>", with: "{{site.title}}</a> · home", in: "Layouts/partials/nav.mustache", site: site)
            }
        }
    }

    @Test(arguments: Edit.allCases)
    func rebuildAfterAnEditEqualsACleanBuild(_ edit: Edit) throws {
        let site = Fixtures.copyOfSite("Everything")
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let first = try SiteBuilder(options: Self.options(site: site, output: output)).build()
        #expect(first.pages == Self.customerPages + Self.sitePages)
        #expect(first.reused == 0)
        let before = try Self.sitePageInputs(output)

        try edit.apply(to: site)
        let (incremental, clean) = try Self.rebuildAndCompare(site: site, output: output)
        let after = try Self.sitePageInputs(output)
        let unchangedSitePages = after.filter { before[$0.key] == $0.value }.count
        #expect(incremental.upToDate == false)
        #expect(incremental.reused == edit.reusedCustomerPages + unchangedSitePages)
        #expect((unchangedSitePages > 0) == edit.keepsSitePages)
        #expect(incremental.pages == edit.customerPageCount + after.count)
        #expect(clean.pages == incremental.pages)
        #expect(clean.reused == 0)
        #expect(incremental.files == clean.files)
        if edit == .removedCustomer {
            #expect(incremental.customers == 3)
            for gone in ["customers/e-4", "print/e-4"] {
                #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(gone).path), "\(gone) is left over")
            }
        }
    }

    /// Print pages inline `Content/assets/`: an edited stylesheet must
    /// reach them, a deleted image must be reported for each page again,
    /// and an image that was missing must be inlined once it is added.
    @Test(arguments: ["edit", "delete", "add"])
    func changedAssetsReachThePrintPages(_ change: String) throws {
        let site = Fixtures.copyOfSite("Everything")
        if change == "add" {
            try Self.replace("assets/img/dot.svg", with: "assets/img/logo.svg", in: "Layouts/print.mustache", site: site)
        }
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let first = try SiteBuilder(options: Self.options(site: site, output: output)).build()
        #expect(first.warnings.count == (change == "add" ? 8 : 0))

        switch change {
        case "edit":
            try Self.replace("system-ui, sans-serif", with: "Georgia, serif", in: "Content/assets/style.css", site: site)
        case "delete":
            try FileManager.default.removeItem(at: site.appendingPathComponent("Content/assets/img/dot.svg"))
        default:
            try FileManager.default.copyItem(
                at: site.appendingPathComponent("Content/assets/img/dot.svg"), to: site.appendingPathComponent("Content/assets/img/logo.svg"))
        }
        let (incremental, clean) = try Self.rebuildAndCompare(site: site, output: output)
        #expect(incremental.upToDate == false)
        #expect(incremental.reused == 4 + Self.sitePages, "only the hubs and the site pages, which inline nothing")
        #expect(clean.warnings.count == (change == "delete" ? 8 : 0), "one warning per print page for a missing image")
        let print = try String(contentsOf: output.appendingPathComponent("print/e-4/newsletter-2026-11.html"), encoding: .utf8)
        #expect(print.contains("data:image/svg+xml") == (change != "delete"))
    }

    @Test func rebuildWithNoChangeIsUpToDateAndTouchesNothing() throws {
        let site = Fixtures.copyOfSite("Everything")
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let first = try SiteBuilder(options: Self.options(site: site, output: output)).build()
        let before = FolderSnapshot(output)
        let watched = [
            "", "index.html", "manifest.json", "customers/e-1/index.html", "customers/e-2/reviews/2026-Q4/index.html",
            "print/e-4/newsletter-2026-11.html", "newsletters/2026-11/index.html", "assets/style.css",
        ]
        let stamps = try watched.map { try FileStamp(output.appendingPathComponent($0)) }

        let second = try SiteBuilder(options: Self.options(site: site, output: output)).build()
        #expect(second.upToDate)
        #expect(second.customers == 4)
        #expect(second.pages == Self.customerPages + Self.sitePages)
        #expect(second.reused == Self.customerPages + Self.sitePages)
        #expect(second.files == first.files)
        #expect(second.warnings == first.warnings)
        #expect(try watched.map { try FileStamp(output.appendingPathComponent($0)) } == stamps)
        #expect(FolderSnapshot(output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings == ["Output"], "no staging folder is made for an up-to-date build")
    }

    @Test func cleanOptionRendersEverythingAgain() throws {
        let site = Fixtures.copyOfSite("Everything")
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        _ = try SiteBuilder(options: Self.options(site: site, output: output)).build()
        let before = FolderSnapshot(output)
        var options = Self.options(site: site, output: output)
        options.clean = true
        let report = try SiteBuilder(options: options).build()
        #expect(report.upToDate == false)
        #expect(report.reused == 0)
        #expect(report.pages == Self.customerPages + Self.sitePages)
        #expect(FolderSnapshot(output) == before)
    }

    @Test(arguments: ["customers/e-3/newsletters/2026-11/index.html", "print/e-3/newsletter-2026-11.html", "customers/e-1/index.html"])
    func fileDeletedFromTheOutputIsRestored(_ path: String) throws {
        let site = Fixtures.copyOfSite("Everything")
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        _ = try SiteBuilder(options: Self.options(site: site, output: output)).build()
        let expected = try Data(contentsOf: output.appendingPathComponent(path))
        try FileManager.default.removeItem(at: output.appendingPathComponent(path))

        let (report, _) = try Self.rebuildAndCompare(site: site, output: output)
        #expect(report.upToDate == false)
        // A document's web and print pages are reused together or not at
        // all; the site pages are reused too.
        #expect(report.reused == (path.hasSuffix("e-1/index.html") ? 19 : 18) + Self.sitePages)
        #expect(try Data(contentsOf: output.appendingPathComponent(path)) == expected)
        #expect(try SiteBuilder(options: Self.options(site: site, output: output)).build().upToDate)
    }

    /// `--only` writes a partial output; the next full build must not take
    /// it for the whole site.
    @Test func onlyBuildDoesNotPoisonTheNextFullBuild() throws {
        let site = Fixtures.copyOfSite("Everything")
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        var only = Self.options(site: site, output: output)
        only.only = ["E-2"]
        let partial = try SiteBuilder(options: only).build()
        #expect(partial.customers == 1)
        #expect(partial.reused == 0)

        let (full, _) = try Self.rebuildAndCompare(site: site, output: output)
        #expect(full.upToDate == false)
        #expect(full.customers == 4)
        #expect(full.reused == 7 + 2, "E-2's pages are the same in both builds, and so are the review's two overview pages")

        let again = try SiteBuilder(options: only).build()
        #expect(again.upToDate == false)
        #expect(again.reused == 7 + 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("customers").path).sorted() == ["e-2", "page"])
        let (fullAgain, _) = try Self.rebuildAndCompare(site: site, output: output)
        #expect(fullAgain.upToDate == false)
        #expect(fullAgain.reused == 7 + 2)
    }

    /// Warnings a reused page gave when it was rendered are part of the
    /// build's result: an incremental build reports the same as a clean one.
    @Test func reusedPrintPagesReportTheirWarningsAgain() throws {
        let site = Fixtures.copyOfSite("Everything")
        try Self.replace(
            "<img src=\"{{root}}assets/img/dot.svg\" alt=\"\">", with: "<img src=\"{{root}}assets/img/missing.png\" alt=\"\">",
            in: "Layouts/print.mustache", site: site)
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let first = try SiteBuilder(options: Self.options(site: site, output: output)).build()
        #expect(first.warnings.count == 8, "one per print page")
        #expect(
            first.warnings.first?.description
                == "Layouts/print.mustache: warning: print page: <img src> \"../../assets/img/missing.png\" removed: no such file in the site's assets folder (customer E-1)"
        )

        let upToDate = try SiteBuilder(options: Self.options(site: site, output: output)).build()
        #expect(upToDate.upToDate)
        #expect(upToDate.warnings == first.warnings)

        let before = try Self.sitePageInputs(output)
        try Edit.customerRow.apply(to: site)
        let (incremental, clean) = try Self.rebuildAndCompare(site: site, output: output)
        let unchangedSitePages = try Self.sitePageInputs(output).filter { before[$0.key] == $0.value }.count
        #expect(clean.warnings == first.warnings)
        #expect(incremental.reused == Edit.customerRow.reusedCustomerPages + unchangedSitePages)
    }

    /// `--strict` turns warnings into errors whether or not the pages that
    /// gave them are rendered again.
    @Test func strictFailsOnWarningsOfReusedPages() throws {
        let site = Fixtures.copyOfSite("Everything")
        // E-2's active users fall from 50 in Q3 to 12 in Q4, and their notes record no issue.
        try Self.replace(
            "E-2,2026-10,active_users,12\n", with: "E-2,2026-09,active_users,50\nE-2,2026-10,active_users,12\n", in: "Content/metrics.csv",
            site: site)
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        let first = try SiteBuilder(options: Self.options(site: site, output: output)).build()
        #expect(first.warnings.map(\.description) == [
            "Content/reviews/2026-Q4.md: warning: Active users fell in Q4 2026 but the notes record no issue; the review would not say what went wrong (add issues: to Content/notes/E-2.md) (customer E-2)"
        ])

        var strict = Self.options(site: site, output: output)
        strict.strict = true
        var cleanStrict = strict
        cleanStrict.clean = true
        cleanStrict.outputDirectory = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        #expect(throws: DiagnosticList.self, "a clean --strict build fails") { try SiteBuilder(options: cleanStrict).build() }
        #expect(throws: DiagnosticList.self, "an up-to-date --strict build fails too") { try SiteBuilder(options: strict).build() }

        try Edit.customerRow.apply(to: site)
        #expect(throws: DiagnosticList.self, "an incremental --strict build fails too") { try SiteBuilder(options: strict).build() }
    }

    // MARK: - Helpers

    static func options(site: URL, output: URL) -> BuildOptions {
        var options = BuildOptions(siteDirectory: site, outputDirectory: output)
        options.today = today
        options.environment = [:]
        return options
    }

    /// Rebuilds `output` incrementally and `site` from scratch into a fresh
    /// folder; expects the two outputs and their warnings to be the same.
    /// Every site page's path and inputs, from the build's manifest.
    static func sitePageInputs(_ output: URL) throws -> [String: String] {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("manifest.json"))) as? [String: Any]
        let files = manifest?["files"] as? [[String: Any]] ?? []
        var inputs: [String: String] = [:]
        for file in files where file["customer"] == nil && file["kind"] as? String != "asset" {
            if let path = file["path"] as? String { inputs[path] = file["inputs"] as? String }
        }
        return inputs
    }

    static func rebuildAndCompare(
        site: URL, output: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> (incremental: BuildReport, clean: BuildReport) {
        let incremental = try SiteBuilder(options: options(site: site, output: output)).build()
        var cleanOptions = options(site: site, output: Fixtures.temporaryDirectory().appendingPathComponent("Output"))
        cleanOptions.clean = true
        let clean = try SiteBuilder(options: cleanOptions).build()
        expectSameFiles(output, cleanOptions.outputDirectory, sourceLocation: sourceLocation)
        #expect(incremental.warnings == clean.warnings, "warnings differ from a clean build's", sourceLocation: sourceLocation)
        #expect(incremental.customers == clean.customers, sourceLocation: sourceLocation)
        return (incremental, clean)
    }

    /// Fails with the paths that are missing, unexpected or different.
    static func expectSameFiles(_ actual: URL, _ expected: URL, sourceLocation: Testing.SourceLocation) {
        let got = FolderSnapshot(actual)
        let want = FolderSnapshot(expected)
        #expect(!want.files.isEmpty, sourceLocation: sourceLocation)
        let missing = Set(want.files.keys).subtracting(got.files.keys).sorted()
        let unexpected = Set(got.files.keys).subtracting(want.files.keys).sorted()
        #expect(missing.isEmpty, "missing after the incremental build: \(missing)", sourceLocation: sourceLocation)
        #expect(unexpected.isEmpty, "left over after the incremental build: \(unexpected)", sourceLocation: sourceLocation)
        for path in want.files.keys.sorted() {
            guard let mine = got.files[path], let theirs = want.files[path], mine != theirs else { continue }
            let difference = FolderSnapshot.firstDifference(String(decoding: theirs, as: UTF8.self), String(decoding: mine, as: UTF8.self))
            Issue.record("\(path) differs from a clean build:\n\(difference)", sourceLocation: sourceLocation)
        }
    }

    /// Replaces the one occurrence of `old` in a site file.
    static func replace(_ old: String, with new: String, in path: String, site: URL) throws {
        let url = site.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.components(separatedBy: old).count == 2, "\(path) should contain \"\(old)\" once")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }
}

/// The identity and modification time of a file: unchanged means the build
/// did not write it, not even the same bytes again.
private struct FileStamp: Equatable {
    var inode: UInt64
    var modified: Date
    var size: Int64

    init(_ url: URL) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        inode = try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
        modified = try #require(attributes[.modificationDate] as? Date)
        size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
    }
}
