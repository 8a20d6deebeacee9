import Foundation
import TestSupport
import Testing

@testable import RapportCore

/// Renders a representative print page through Layouts/print.mustache,
/// Content/assets/print.css and the inliner, prints it with WeasyPrint and
/// reads the PDF back with poppler's pdfinfo and pdftotext.
@Suite struct PrintEngineTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let customerName = "Smith & Søn AB"

    @Test(arguments: [("A4", "595.276 x 841.89 pts (A4)"), ("letter", "612 x 792 pts (letter)")])
    func weasyPrintPrintsEveryPageWithTheRunningHeaderAndPageNumbers(paperSize: String, expectedSize: String) throws {
        guard let weasyprint = Self.executable("weasyprint"), let pdfinfo = Self.executable("pdfinfo"),
            let pdftotext = Self.executable("pdftotext")
        else {
            Issue.record(
                "weasyprint, pdfinfo or pdftotext is not installed: run `make test`, which installs the Debian packages weasyprint and poppler-utils"
            )
            return
        }
        let html = try Self.printPage(paperSize: paperSize)
        let inlined = PrintInliner(
            pagePath: "print/c-1001/review-2026-Q4.html",
            resolveAsset: PrintInliner.assets(in: Self.repositoryRoot.appendingPathComponent("Content/assets"))
        )
        .inline(html)
        #expect(inlined.problems.isEmpty)
        #expect(!inlined.html.contains("assets/"), "every asset reference is inlined")
        #expect(inlined.html.contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,"))

        let folder = TemporaryFolders.make("rapport-print")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("review.html")
        let pdf = folder.appendingPathComponent("review.pdf")
        let text = folder.appendingPathComponent("review.txt")
        try Data(inlined.html.utf8).write(to: page)

        let printed = try Self.run(weasyprint, [page.path, pdf.path], in: folder)
        #expect(printed.status == 0, "weasyprint failed: \(printed.stderr)")
        let complaints = printed.stderr.split(separator: "\n").filter { $0.contains("WARNING") || $0.contains("ERROR") }
        #expect(complaints.isEmpty, "weasyprint complained:\n\(complaints.joined(separator: "\n"))")

        let info = try Self.run(pdfinfo, [pdf.path], in: folder)
        let field = { (name: String) in
            info.stdout.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        let pages = try #require(field("Pages").flatMap { Int($0) })
        #expect(pages >= 2)
        #expect(field("Page size") == expectedSize)

        _ = try Self.run(pdftotext, [pdf.path, text.path], in: folder)
        var pageTexts = try String(contentsOf: text, encoding: .utf8).components(separatedBy: "\u{0C}")
        if pageTexts.last?.isEmpty == true { pageTexts.removeLast() }
        #expect(pageTexts.count == pages)
        for (index, pageText) in pageTexts.enumerated() {
            #expect(pageText.contains(Self.customerName), "page \(index + 1) has no running header")
            #expect(pageText.contains("Page \(index + 1) of \(pages)"), "page \(index + 1) has no page number")
        }
        #expect(pageTexts.first?.contains("Q4 2026") == true)
        #expect(pageTexts.first?.contains("Maya Lindqvist") == true)
        // The table header repeats on every page the table continues on.
        #expect(pageTexts.last?.contains("Active users") == true)
        #expect(pageTexts.last?.contains("Row 60") == true)
    }

    // MARK: - The page

    /// A quarterly review page as the pipeline will render it: the print
    /// layout around a chart, an image and a 60-row table.
    static func printPage(paperSize: String) throws -> String {
        let layout = try String(contentsOf: repositoryRoot.appendingPathComponent("Layouts/print.mustache"), encoding: .utf8)
        var layouts = TemplateLibrary(contentType: .html)
        try layouts.add(name: "print", path: "Layouts/print.mustache", text: layout, scanner: MustacheScanner())
        try layouts.compile()
        let rows = (1...60).map { month in
            "<tr><td>Row \(month)</td><td class=\"num\">\(month * 37)</td><td>Notes &amp; follow-ups for month \(month)</td></tr>"
        }
        let points = (0..<12).map { "\($0 * 25),\(90 - ($0 * 7) % 80)" }.joined(separator: " ")
        let content = """
            <h2>Usage this quarter</h2>
            <p><img class="logo" src="../../assets/logo.svg" alt="" width="24" height="24"> Active users grew every month.</p>
            <figure class="chart"><svg viewBox="0 0 300 100" width="300" height="100" role="img" aria-label="Active users by month"><polyline points="\(points)" fill="none" stroke="#000" stroke-width="2"/><text x="0" y="98" font-size="8">Oct</text></svg><figcaption>Active users</figcaption></figure>
            <h2>Month by month</h2>
            <table><thead><tr><th>Month</th><th class="num">Active users</th><th>Notes</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            <h2>Your goals for next quarter</h2>
            <p>Tell us what matters most to you.</p>
            """
        let values: ViewModel = [
            "root": "../../",
            "generator": "rapport test",
            "page_title": .text("Q4 2026 review · \(customerName)"),
            "paper": paperSize == "A4" ? "A4" : "Letter",
            "paper_size": .text(paperSize),
            "customer_name_for_header": .text(customerName),
            "customer_name_css": .text(CSSText.quoted(customerName)),
            "customer": [
                "name": .text(customerName), "contact_name": "Jana Novak", "email": "jana@smith.example", "locale": "en-GB",
            ],
            "sender": ["name": "Maya Lindqvist", "email": "maya@northwind.example", "company": "Northwind Success"],
            "document": ["title": "Quarterly account review", "date": "2 January 2027", "date_iso": "2027-01-02", "kind": "review"],
            "period": ["label": "Q4 2026"],
            "content": .text(content),
        ]
        return try layouts.render("print", values, path: "Layouts/print.mustache")
    }

    // MARK: - Processes

    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs a tool with its output in files (a full pipe would block it).
    static func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let stdoutFile = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let stderrFile = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus,
            try String(contentsOf: stdoutFile, encoding: .utf8),
            try String(contentsOf: stderrFile, encoding: .utf8)
        )
    }
}
