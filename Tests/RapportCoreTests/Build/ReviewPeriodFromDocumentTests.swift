import Foundation
import Testing

@testable import RapportCore

/// A review's months come from its file name (`2026-Q4.md`) or from
/// `period: {start, end}` in its front matter; its date defaults to the
/// last day of the period.
@Suite struct ReviewPeriodFromDocumentTests {
    static func document(_ text: String, name: String) throws -> ContentDocument {
        try ContentLoader.parse(text, kind: .review, name: name, path: "Content/reviews/\(name).md")
    }

    static func period(_ text: String, name: String) throws -> (ReviewPeriod?, [String]) {
        var problems: [Diagnostic] = []
        let period = SiteLoader.period(of: try document(text, name: name), problems: &problems)
        return (period, problems.map(\.description))
    }

    static let body = "{{#notes.issues}}{{text}}{{/notes.issues}} {{period.next.label}}\n"

    /// The Everything fixture with its review replaced by `Content/reviews/<name>.md`.
    static func loadSite(reviewNamed name: String, text: String) throws(DiagnosticList) -> LoadedSite {
        let site = Fixtures.copyOfSite("Everything")
        let reviews = site.appendingPathComponent("Content/reviews")
        try! FileManager.default.removeItem(at: reviews.appendingPathComponent("2026-Q4.md"))
        try! Data(text.utf8).write(to: reviews.appendingPathComponent("\(name).md"))
        return try SiteLoader(options: EverythingSiteTests.options(output: site.appendingPathComponent("Output"), site: site)).load()
    }

    static func loadErrors(reviewNamed name: String, text: String) -> [String] {
        do {
            _ = try loadSite(reviewNamed: name, text: text)
            return ["the site loaded"]
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    // MARK: - From the name

    @Test func quarterNameGivesTheQuarter() throws {
        let (period, problems) = try Self.period("---\ntitle: Q4\n---\nBody\n", name: "2026-Q4")
        #expect(problems == [])
        #expect(period == ReviewPeriod(name: "2026-Q4", start: YearMonth(year: 2026, month: 10), end: YearMonth(year: 2026, month: 12)))
        #expect(period?.label == "Q4 2026")
    }

    @Test func firstQuarterStartsInJanuary() throws {
        let (period, _) = try Self.period("Body\n", name: "2027-Q1")
        #expect(period?.start == YearMonth(year: 2027, month: 1))
        #expect(period?.end == YearMonth(year: 2027, month: 3))
    }

    // MARK: - From the front matter

    @Test func frontMatterPeriodOverridesTheName() throws {
        let (period, problems) = try Self.period("---\nperiod: {start: 2026-10, end: 2026-11}\n---\nBody\n", name: "2026-Q4")
        #expect(problems == [])
        #expect(period == ReviewPeriod(name: "2026-Q4", start: YearMonth(year: 2026, month: 10), end: YearMonth(year: 2026, month: 11)))
    }

    @Test func frontMatterPeriodAllowsAnyName() throws {
        let (period, problems) = try Self.period("---\nperiod:\n  start: 2026-09\n  end: 2026-11\n---\n", name: "autumn")
        #expect(problems == [])
        #expect(period?.name == "autumn")
        #expect(period?.months.map(\.description) == ["2026-09", "2026-10", "2026-11"])
        #expect(period?.label == "autumn")
    }

    @Test func aOneMonthPeriodIsAllowed() throws {
        let (period, problems) = try Self.period("---\nperiod: {start: 2026-11, end: 2026-11}\n---\n", name: "november")
        #expect(problems == [])
        #expect(period?.monthCount == 1)
    }

    // MARK: - Errors

    @Test func badNameWithoutPeriodIsAnError() throws {
        let (period, problems) = try Self.period("---\ntitle: Autumn\n---\n", name: "autumn")
        #expect(period == nil)
        #expect(
            problems == [
                "Content/reviews/autumn.md:1:1: error: name the review after its quarter (2026-Q4.md) or give period: {start: YYYY-MM, end: YYYY-MM} in front matter"
            ])
    }

    @Test func quarterFiveIsABadName() throws {
        let (period, problems) = try Self.period("Body\n", name: "2026-Q5")
        #expect(period == nil)
        #expect(
            problems == [
                "Content/reviews/2026-Q5.md:1:1: error: name the review after its quarter (2026-Q4.md) or give period: {start: YYYY-MM, end: YYYY-MM} in front matter"
            ])
    }

    @Test func startAfterEndIsAnErrorAtThePeriod() throws {
        let (period, problems) = try Self.period("---\ntitle: T\nperiod: {start: 2026-12, end: 2026-10}\n---\n", name: "2026-Q4")
        #expect(period == nil)
        #expect(problems == ["Content/reviews/2026-Q4.md:3:9: error: period needs start: and end: months written YYYY-MM, start before end"])
    }

    @Test func aMissingEndIsAnError() throws {
        let (period, problems) = try Self.period("---\nperiod:\n  start: 2026-10\n---\n", name: "2026-Q4")
        #expect(period == nil)
        #expect(problems == ["Content/reviews/2026-Q4.md:3:3: error: period needs start: and end: months written YYYY-MM, start before end"])
    }

    @Test func aBadMonthIsAnError() throws {
        let (period, problems) = try Self.period("---\nperiod: {start: 2026-13, end: 2027-01}\n---\n", name: "2026-Q4")
        #expect(period == nil)
        #expect(problems == ["Content/reviews/2026-Q4.md:2:9: error: period needs start: and end: months written YYYY-MM, start before end"])
    }

    // MARK: - Through the loader

    @Test func loadedReviewHasThePeriodAndTheLastDayOfItAsDate() throws {
        let site = try Self.loadSite(reviewNamed: "2026-Q4", text: "---\ntitle: Q4\n---\n" + Self.body)
        #expect(site.reviews.count == 1)
        #expect(site.reviews.first?.period?.name == "2026-Q4")
        #expect(site.reviews.first?.date == CalendarDate(year: 2026, month: 12, day: 31))
        #expect(site.warnings.isEmpty)
    }

    @Test func dateDefaultsToTheEndOfAFrontMatterPeriod() throws {
        let site = try Self.loadSite(
            reviewNamed: "2028-Q1", text: "---\ntitle: Early\nperiod: {start: 2027-12, end: 2028-02}\n---\n" + Self.body)
        #expect(site.reviews.first?.period?.start == YearMonth(year: 2027, month: 12))
        #expect(site.reviews.first?.date == CalendarDate(year: 2028, month: 2, day: 29))
    }

    @Test func anExplicitDateWins() throws {
        let site = try Self.loadSite(reviewNamed: "2026-Q4", text: "---\ntitle: Q4\ndate: 2026-12-15\n---\n" + Self.body)
        #expect(site.reviews.first?.date == CalendarDate(year: 2026, month: 12, day: 15))
    }

    /// Bug: a review file named like a month (`2026-11.md`) takes the
    /// newsletter rule "the 1st of the named month" before the review rule
    /// "the last day of the period", so its date is 2026-11-01.
    @Test func aReviewNamedLikeAMonthStillEndsWithItsPeriod() throws {
        let site = try Self.loadSite(
            reviewNamed: "2026-11", text: "---\ntitle: Autumn\nperiod: {start: 2026-09, end: 2026-11}\n---\n" + Self.body)
        #expect(site.reviews.first?.date == CalendarDate(year: 2026, month: 11, day: 30))
    }

    @Test func aBadPeriodStopsTheBuild() {
        #expect(
            Self.loadErrors(reviewNamed: "2026-Q4", text: "---\ntitle: Q4\ndate: 2026-12-15\nperiod: {start: 2026-12, end: 2026-10}\n---\n" + Self.body)
                == ["Content/reviews/2026-Q4.md:4:9: error: period needs start: and end: months written YYYY-MM, start before end"])
    }

    /// Bug: without a period there is no date to default to, and the loader
    /// adds a second error about "a YYYY-MM edition" (a newsletter's rule)
    /// that goes away once the period is fixed.
    @Test func aBadReviewNameIsOneError() {
        #expect(
            Self.loadErrors(reviewNamed: "autumn", text: "---\ntitle: Autumn\n---\n" + Self.body) == [
                "Content/reviews/autumn.md:1:1: error: name the review after its quarter (2026-Q4.md) or give period: {start: YYYY-MM, end: YYYY-MM} in front matter"
            ])
    }
}
