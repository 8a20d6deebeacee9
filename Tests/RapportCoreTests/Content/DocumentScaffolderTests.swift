import Foundation
import Testing

@testable import RapportCore

/// `rapport new newsletter|review <name>`: a copy of the newest document of
/// that kind, retargeted to the new date.
@Suite struct DocumentScaffolderTests {
    static func read(_ path: String, in site: URL) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    static func error(_ body: () throws(Diagnostic) -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return error.description
        }
    }

    // MARK: - From the site's own documents

    @Test func newNewsletterCopiesTheNewestWithTheFirstOfTheMonth() throws {
        let site = Fixtures.copyOfSite("Everything")
        let original = try Self.read("Content/newsletters/2026-12-enterprise.md", in: site)
        let (path, basedOn) = try DocumentScaffolder(siteDirectory: site).create(.newsletter, named: "2027-01")
        #expect(path == "Content/newsletters/2027-01.md")
        #expect(basedOn == "Content/newsletters/2026-12-enterprise.md")
        let text = try Self.read(path, in: site)
        #expect(original.contains("\ndate: 2026-12-01\n"))
        #expect(text == original.replacingOccurrences(of: "\ndate: 2026-12-01\n", with: "\ndate: 2027-01-01\n"))
    }

    @Test func newNewsletterForDecember() throws {
        let site = Fixtures.copyOfSite("Everything")
        try FileManager.default.removeItem(at: site.appendingPathComponent("Content/newsletters/2026-12-enterprise.md"))
        let original = try Self.read("Content/newsletters/2026-11.md", in: site)
        let (path, basedOn) = try DocumentScaffolder(siteDirectory: site).create(.newsletter, named: "2026-12")
        #expect(path == "Content/newsletters/2026-12.md")
        #expect(basedOn == "Content/newsletters/2026-11.md")
        let text = try Self.read(path, in: site)
        let dateLines = text.split(separator: "\n").filter { $0.hasPrefix("date:") }
        #expect(dateLines == ["date: 2026-12-01"])
        #expect(text.replacingOccurrences(of: "date: 2026-12-01", with: "") == original.replacingOccurrences(of: "date: 2026-11-26", with: ""))
    }

    @Test func newReviewCopiesTheNewestWithTheLastDayOfTheQuarter() throws {
        let site = Fixtures.copyOfSite("Everything")
        let original = try Self.read("Content/reviews/2026-Q4.md", in: site)
        let (path, basedOn) = try DocumentScaffolder(siteDirectory: site).create(.review, named: "2027-Q1")
        #expect(path == "Content/reviews/2027-Q1.md")
        #expect(basedOn == "Content/reviews/2026-Q4.md")
        #expect(
            try Self.read(path, in: site) == original.replacingOccurrences(of: "\ndate: 2026-12-15\n", with: "\ndate: 2027-03-31\n"))
    }

    @Test func theNewReviewBuilds() throws {
        let site = Fixtures.copyOfSite("Everything")
        _ = try DocumentScaffolder(siteDirectory: site).create(.review, named: "2027-Q1")
        let loaded = try SiteLoader(options: EverythingSiteTests.options(output: site.appendingPathComponent("Output"), site: site)).load()
        #expect(loaded.reviews.map(\.period?.name) == ["2026-Q4", "2027-Q1"])
        #expect(loaded.reviews.map(\.date.description) == ["2026-12-15", "2027-03-31"])
    }

    /// Bug: the copy keeps the previous review's `period:` front matter, so
    /// `new review 2027-Q1` makes a review of the old months (2026-10 to
    /// 2026-11) that only its file name calls 2027-Q1.
    @Test func aNewReviewCoversItsOwnQuarterEvenWhenTheOldOneHadAPeriod() throws {
        let site = Fixtures.copyOfSite("Everything")
        try Data("---\ntitle: Autumn\nperiod: {start: 2026-10, end: 2026-11}\n---\nBody\n".utf8)
            .write(to: site.appendingPathComponent("Content/reviews/2026-Q4.md"))
        let (path, _) = try DocumentScaffolder(siteDirectory: site).create(.review, named: "2027-Q1")
        let document = try ContentLoader.parse(try Self.read(path, in: site), kind: .review, name: "2027-Q1", path: path)
        var problems: [Diagnostic] = []
        let period = SiteLoader.period(of: document, problems: &problems)
        #expect(problems.isEmpty)
        #expect(period?.start == YearMonth(year: 2027, month: 1))
        #expect(period?.end == YearMonth(year: 2027, month: 3))
    }

    // MARK: - From the sample

    @Test func anEmptySiteStartsFromTheSampleNewsletter() throws {
        let site = Fixtures.temporaryDirectory()
        let (path, basedOn) = try DocumentScaffolder(siteDirectory: site).create(.newsletter, named: "2026-12")
        #expect(path == "Content/newsletters/2026-12.md")
        #expect(basedOn == "the sample Content/newsletters/2026-11.md")
        let sample = String(decoding: try #require(SampleSite.contents(of: "Content/newsletters/2026-11.md")), as: UTF8.self)
        #expect(try Self.read(path, in: site) == DocumentScaffolder.retarget(sample, to: CalendarDate(year: 2026, month: 12, day: 1)))
        #expect(try Self.read(path, in: site).contains("\ndate: 2026-12-01\n"))
    }

    @Test func anEmptySiteStartsFromTheSampleReview() throws {
        let site = Fixtures.temporaryDirectory()
        let (path, basedOn) = try DocumentScaffolder(siteDirectory: site).create(.review, named: "2027-Q1")
        #expect(path == "Content/reviews/2027-Q1.md")
        #expect(basedOn == "the sample Content/reviews/2026-Q4.md")
        let sample = String(decoding: try #require(SampleSite.contents(of: "Content/reviews/2026-Q4.md")), as: UTF8.self)
        #expect(try Self.read(path, in: site) == DocumentScaffolder.retarget(sample, to: CalendarDate(year: 2027, month: 3, day: 31)))
        #expect(try Self.read(path, in: site).contains("\ndate: 2027-03-31\n"))
    }

    // MARK: - Refusals

    @Test func refusesAnExistingFile() throws {
        let site = Fixtures.copyOfSite("Everything")
        let before = try Self.read("Content/newsletters/2026-11.md", in: site)
        #expect(
            Self.error { () throws(Diagnostic) in _ = try DocumentScaffolder(siteDirectory: site).create(.newsletter, named: "2026-11") }
                == "Content/newsletters/2026-11.md: error: Content/newsletters/2026-11.md already exists; edit it or choose another name")
        #expect(try Self.read("Content/newsletters/2026-11.md", in: site) == before)
        #expect(
            Self.error { () throws(Diagnostic) in _ = try DocumentScaffolder(siteDirectory: site).create(.review, named: "2026-Q4") }
                == "Content/reviews/2026-Q4.md: error: Content/reviews/2026-Q4.md already exists; edit it or choose another name")
    }

    @Test func refusesBadNames() {
        let scaffolder = DocumentScaffolder(siteDirectory: Fixtures.temporaryDirectory())
        #expect(
            Self.error { () throws(Diagnostic) in _ = try scaffolder.create(.newsletter, named: "December") }
                == #"error: a newsletter is named after its month, like 2026-12 (got "December")"#)
        #expect(
            Self.error { () throws(Diagnostic) in _ = try scaffolder.create(.newsletter, named: "2026-13") }
                == #"error: a newsletter is named after its month, like 2026-12 (got "2026-13")"#)
        #expect(
            Self.error { () throws(Diagnostic) in _ = try scaffolder.create(.review, named: "2027-Q5") }
                == #"error: a review is named after its quarter, like 2027-Q1 (got "2027-Q5")"#)
        #expect(
            Self.error { () throws(Diagnostic) in _ = try scaffolder.create(.review, named: "../2027-Q1") }
                == #"error: a review is named after its quarter, like 2027-Q1 (got "../2027-Q1")"#)
        #expect(!FileManager.default.fileExists(atPath: scaffolder.siteDirectory.appendingPathComponent("Content").path))
    }

    // MARK: - Retargeting

    @Test func retargetReplacesTheDateLine() {
        let text = "---\ntitle: T\ndate: 2026-11-26\n---\nBody with date: kept\n"
        #expect(
            DocumentScaffolder.retarget(text, to: CalendarDate(year: 2026, month: 12, day: 1))
                == "---\ntitle: T\ndate: 2026-12-01\n---\nBody with date: kept\n")
    }

    @Test func retargetAddsAMissingDateBeforeTheClosingFence() {
        #expect(
            DocumentScaffolder.retarget("---\ntitle: T\n---\nBody\n", to: CalendarDate(year: 2026, month: 12, day: 1))
                == "---\ntitle: T\ndate: 2026-12-01\n---\nBody\n")
    }

    @Test func retargetAddsFrontMatterWhenThereIsNone() {
        #expect(
            DocumentScaffolder.retarget("Just a body\n", to: CalendarDate(year: 2026, month: 12, day: 1))
                == "---\ndate: 2026-12-01\n---\nJust a body\n")
    }
}
