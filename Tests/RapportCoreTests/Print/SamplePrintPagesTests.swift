import Foundation
import Testing

@testable import RapportCore

/// The sample site's own print pages, built by the real pipeline, turned
/// into PDFs by WeasyPrint: every page carries the customer's name and
/// "Page N of M", and WeasyPrint has nothing to complain about.
@Suite struct SamplePrintPagesTests {
    /// At risk with falling numbers, a name that needs escaping, a new customer.
    static let slugs = ["nw-1010", "nw-1004", "nw-1008"]

    @Test func sampleReviewsAndNewslettersPrintCleanly() throws {
        guard let weasyprint = PrintEngineTests.executable("weasyprint"), let pdfinfo = PrintEngineTests.executable("pdfinfo"),
            let pdftotext = PrintEngineTests.executable("pdftotext")
        else {
            Issue.record("weasyprint, pdfinfo or pdftotext is not installed: run `make test`, which installs weasyprint and poppler-utils")
            return
        }
        let site = Fixtures.temporaryDirectory("sample-print").appendingPathComponent("site")
        try SampleSite.write(to: site)
        var options = BuildOptions(siteDirectory: site)
        options.today = CalendarDate(year: 2026, month: 11, day: 26)
        options.environment = [:]
        let report = try SiteBuilder(options: options).build()
        #expect(report.warnings.isEmpty)

        let folder = site.deletingLastPathComponent()
        var checked = 0
        for slug in Self.slugs {
            let hub = try String(contentsOf: site.appendingPathComponent("Output/customers/\(slug)/index.html"), encoding: .utf8)
            let title = try #require(hub.firstMatch(of: /<title>([^<]*)<\/title>/)).1
            let name = String(title).replacingOccurrences(of: "&amp;", with: "&").components(separatedBy: " — ").first!
            for file in ["review-2026-Q4.html", "newsletter-2026-11.html"] {
                let page = site.appendingPathComponent("Output/print/\(slug)/\(file)")
                guard FileManager.default.fileExists(atPath: page.path) else { continue }
                let html = try String(contentsOf: page, encoding: .utf8)
                #expect(!html.contains("../assets/"), "\(slug)/\(file) still links an asset")
                #expect(!html.contains("http://") || !html.contains("src=\"http"), "\(slug)/\(file) fetches from the network")
                let pdf = folder.appendingPathComponent("\(slug)-\(file).pdf")
                let printed = try PrintEngineTests.run(weasyprint, [page.path, pdf.path], in: folder)
                #expect(printed.status == 0, "weasyprint failed on \(slug)/\(file): \(printed.stderr)")
                let complaints = printed.stderr.split(separator: "\n").filter { $0.contains("WARNING") || $0.contains("ERROR") }
                #expect(complaints.isEmpty, "\(slug)/\(file):\n\(complaints.joined(separator: "\n"))")
                let info = try PrintEngineTests.run(pdfinfo, [pdf.path], in: folder)
                let pagesLine = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") })
                let pages = try #require(Int(pagesLine.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
                #expect(pages >= 1)
                let text = folder.appendingPathComponent("\(slug)-\(file).txt")
                _ = try PrintEngineTests.run(pdftotext, [pdf.path, text.path], in: folder)
                var pageTexts = try String(contentsOf: text, encoding: .utf8).components(separatedBy: "\u{0C}")
                if pageTexts.last?.isEmpty == true { pageTexts.removeLast() }
                #expect(pageTexts.count == pages)
                for (index, pageText) in pageTexts.enumerated() {
                    #expect(pageText.contains(name), "\(slug)/\(file) page \(index + 1) lacks \(name)")
                    #expect(pageText.contains("Page \(index + 1) of \(pages)"), "\(slug)/\(file) page \(index + 1) lacks its number")
                }
                checked += 1
            }
        }
        #expect(checked >= 4)
    }
}
