import Foundation
import Testing

@testable import RapportCore

/// The loader keeps a summary of each notes file, and the parsed notes of
/// a book up to `NotesIndex.keptParsedLimit` files; past it pages read the
/// file again and must get exactly what was checked.
@Suite struct NotesIndexTests {
    /// A site folder with E-1's notes, loaded as a large book's are (read
    /// again when rendered), or as a build of this small site loads them.
    static func loadedIndex(keepingParsed: Bool = false) throws -> (URL, NotesIndex) {
        let site = Fixtures.copyOfSite("Everything")
        let loaded = try SiteLoader(options: EverythingSiteTests.options(output: site.appendingPathComponent("Output"), site: site)).load()
        guard !keepingParsed else { return (site, loaded.notes) }
        var loader = NotesLoader(siteDirectory: site, limits: loaded.config.markdown)
        loader.keptParsedLimit = 0
        return (site, try loader.load(customers: loaded.customers).0)
    }

    @Test func theSummaryHoldsWhatTheBuildNeedsBeforeRendering() throws {
        let (site, index) = try Self.loadedIndex()
        let text = try String(contentsOf: site.appendingPathComponent("Content/notes/E-1.md"), encoding: .utf8)
        let parsed = try NotesLoader.parse(text, path: "Content/notes/E-1.md")
        let summary = try #require(index["E-1"])
        #expect(summary.path == "Content/notes/E-1.md")
        #expect(summary.sourceHash == parsed.sourceHash)
        #expect(summary.lastContact == parsed.lastContact)
        #expect(summary.hasIssues == !parsed.issues.isEmpty)
    }

    @Test func readingAgainGivesTheNotesThatWereChecked() throws {
        let (site, index) = try Self.loadedIndex()
        let text = try String(contentsOf: site.appendingPathComponent("Content/notes/E-1.md"), encoding: .utf8)
        #expect(try index.notes(for: "E-1") == NotesLoader.parse(text, path: "Content/notes/E-1.md"))
        #expect(try index.notes(for: "nobody") == nil)
    }

    @Test func notesEditedDuringTheBuildAreAnErrorNamingTheCustomer() throws {
        let (site, index) = try Self.loadedIndex()
        try Data("---\ngoals: [Something else]\n---\n".utf8).write(to: site.appendingPathComponent("Content/notes/E-1.md"))
        #expect(throws: Diagnostic.error(
            "notes changed while the site was building; build again", at: SourceLocation(path: "Content/notes/E-1.md"), customer: "E-1")
        ) { try index.notes(for: "E-1") }
    }

    @Test func notesDeletedDuringTheBuildAreTheSameError() throws {
        let (site, index) = try Self.loadedIndex()
        try FileManager.default.removeItem(at: site.appendingPathComponent("Content/notes/E-1.md"))
        #expect(throws: Diagnostic.error(
            "notes changed while the site was building; build again", at: SourceLocation(path: "Content/notes/E-1.md"), customer: "E-1")
        ) { try index.notes(for: "E-1") }
    }

    @Test func aSmallBookKeepsTheNotesCheckedAtLoad() throws {
        let (site, index) = try Self.loadedIndex(keepingParsed: true)
        let file = site.appendingPathComponent("Content/notes/E-1.md")
        let checked = try NotesLoader.parse(String(contentsOf: file, encoding: .utf8), path: "Content/notes/E-1.md")
        try FileManager.default.removeItem(at: file)
        #expect(try index.notes(for: "E-1") == checked)
        #expect(try index.notes(for: "nobody") == nil)
    }
}
