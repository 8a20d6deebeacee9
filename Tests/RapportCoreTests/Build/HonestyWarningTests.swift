import Foundation
import Testing

@testable import RapportCore

/// Reviews tell the truth: warnings for a review template with no place for
/// what went wrong or for next quarter's goals, and for customers whose
/// numbers worsened or whose issues their review would hide.
///
/// Each test edits a copy of the Everything fixture. Its review goes to E-1
/// (issues recorded; active users up, support tickets up from 4 to 9, and
/// support_tickets is `review.lower_is_better`) and E-2 (no issues, flat).
@Suite struct HonestyWarningTests {
    static let review = "Content/reviews/2026-Q4.md"
    static let frontMatter = "---\ntitle: Review\naudience: {plan: [pro, enterprise]}\n---\n"
    static let goodBody = """
        {{#notes.issues}}
        - {{text}}
        {{/notes.issues}}

        Your goals for {{period.next.label}}?

        """
    static let noIssuesWarning =
        "Content/reviews/2026-Q4.md:1:1: warning: this review has no place for what went wrong: show {{#notes.issues}} (reviews tell the truth)"
    static let noGoalsWarning =
        "Content/reviews/2026-Q4.md:1:1: warning: this review never asks about next quarter's goals: show {{#notes.goals}} or {{period.next.label}}"
    static let hiddenIssuesWarning =
        "Content/reviews/2026-Q4.md: warning: this customer has issues in their notes but their review would show none of them (customer E-1)"

    /// A copy of Everything with its review's body replaced and `edit`
    /// applied to the copy.
    static func site(body: String, edit: (URL) throws -> Void = { _ in }) throws -> URL {
        let site = Fixtures.copyOfSite("Everything")
        try Data((frontMatter + body).utf8).write(to: site.appendingPathComponent(review))
        try edit(site)
        return site
    }

    static func warnings(_ site: URL, strict: Bool = false) throws -> [String] {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        var options = EverythingSiteTests.options(output: output, site: site)
        options.strict = strict
        return try SiteBuilder(options: options).build().warnings.map(\.description)
    }

    static func errors(_ site: URL, strict: Bool) -> [String] {
        let output = Fixtures.temporaryDirectory().appendingPathComponent("Output")
        var options = EverythingSiteTests.options(output: output, site: site)
        options.strict = strict
        do {
            _ = try SiteBuilder(options: options).build()
            return ["the build succeeded"]
        } catch {
            #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build writes no output")
            return error.diagnostics.map(\.description)
        }
    }

    static func replace(_ old: String, with new: String, in file: String, of site: URL) throws {
        let url = site.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(file) contains \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// E-1's notes without their issues.
    static func removeE1Issues(_ site: URL) throws {
        try replace(
            "issues:\n  - text: An outage on 21 October cost them a morning\n    status: resolved\n  - Slow answers from support in December\n",
            with: "", in: "Content/notes/E-1.md", of: site)
    }

    // MARK: - The template

    @Test func aGoodTemplateGivesNoWarnings() throws {
        #expect(try Self.warnings(try Self.site(body: Self.goodBody)) == [])
    }

    @Test func templateWithoutIssuesIsWarnedAtItsFirstLine() throws {
        let site = try Self.site(body: "Your goals for {{period.next.label}}?\n")
        // E-1 has issues, so their review hiding them is reported too.
        #expect(try Self.warnings(site) == [Self.noIssuesWarning, Self.hiddenIssuesWarning])
    }

    @Test func anyIssuesFlagCountsAsAPlaceForIssues() throws {
        for body in [
            "{{#notes.has_issues}}We had problems.{{/notes.has_issues}} {{period.next.label}}\n",
            "{{#notes.has_open_issues}}Still open.{{/notes.has_open_issues}} {{period.next.label}}\n",
        ] {
            let warnings = try Self.warnings(try Self.site(body: body))
            #expect(!warnings.contains(Self.noIssuesWarning), "\(body)")
        }
    }

    @Test func templateWithoutGoalsOrNextPeriodIsWarned() throws {
        let site = try Self.site(body: "{{#notes.issues}}\n- {{text}}\n{{/notes.issues}}\n")
        #expect(try Self.warnings(site) == [Self.noGoalsWarning])
    }

    @Test func notesGoalsAloneAreEnoughForGoals() throws {
        let site = try Self.site(body: "{{#notes.issues}}\n- {{text}}\n{{/notes.issues}}\n{{#notes.goals}}\n- {{text}}\n{{/notes.goals}}\n")
        #expect(try Self.warnings(site) == [])
    }

    @Test func templateWithNeitherGetsBothWarnings() throws {
        let site = try Self.site(body: "Thanks for a great quarter, {{customer.name}}.\n")
        #expect(try Self.warnings(site) == [Self.noIssuesWarning, Self.noGoalsWarning, Self.hiddenIssuesWarning])
    }

    // MARK: - Per customer

    @Test func aRisingLowerIsBetterMetricWithNoIssuesIsWarned() throws {
        let site = try Self.site(body: Self.goodBody, edit: Self.removeE1Issues)
        #expect(
            try Self.warnings(site) == [
                "Content/reviews/2026-Q4.md: warning: Support tickets rose in Q4 2026 but the notes record no issue; the review would not say what went wrong (add issues: to Content/notes/E-1.md) (customer E-1)"
            ])
    }

    @Test func risingTicketsAreFineWhenHigherIsBetter() throws {
        let site = try Self.site(body: Self.goodBody) { site in
            try Self.removeE1Issues(site)
            try Self.replace("review:\n  lower_is_better: [support_tickets]\n", with: "", in: "rapport.yml", of: site)
        }
        #expect(try Self.warnings(site) == [])
    }

    @Test func everyWorsenedMetricIsNamedInColumnOrder() throws {
        let site = try Self.site(body: Self.goodBody) { site in
            try Self.removeE1Issues(site)
            try Self.replace("E-1,2026-12,active_users,140", with: "E-1,2026-12,active_users,90", in: "Content/metrics.csv", of: site)
        }
        #expect(
            try Self.warnings(site) == [
                "Content/reviews/2026-Q4.md: warning: Active users fell, Support tickets rose in Q4 2026 but the notes record no issue; the review would not say what went wrong (add issues: to Content/notes/E-1.md) (customer E-1)"
            ])
    }

    @Test func aWorsenedMetricWithIssuesRecordedIsNotWarned() throws {
        // E-1's tickets rose, but their notes say what went wrong.
        #expect(try Self.warnings(try Self.site(body: Self.goodBody)) == [])
    }

    @Test func issuesHiddenInASectionFalseForTheCustomerAreWarned() throws {
        // E-1 is not new (customer since 2023), so the list is never shown to them.
        let site = try Self.site(
            body: "{{#customer.is_new}}\n{{#notes.issues}}\n- {{text}}\n{{/notes.issues}}\n{{/customer.is_new}}\n{{period.next.label}}\n")
        #expect(try Self.warnings(site) == [Self.hiddenIssuesWarning])
    }

    @Test func onlyAFlagShownIsStillHidingTheIssues() throws {
        // "We had problems" without saying which is not telling the truth.
        let site = try Self.site(body: "{{#notes.has_issues}}We had problems.{{/notes.has_issues}} {{period.next.label}}\n")
        #expect(try Self.warnings(site) == [Self.hiddenIssuesWarning])
    }

    // MARK: - --strict

    @Test func strictTurnsTemplateWarningsIntoErrors() throws {
        let site = try Self.site(body: "Thanks for a great quarter, {{customer.name}}.\n")
        #expect(
            Self.errors(site, strict: true) == [
                "Content/reviews/2026-Q4.md:1:1: error: this review has no place for what went wrong: show {{#notes.issues}} (reviews tell the truth)",
                "Content/reviews/2026-Q4.md:1:1: error: this review never asks about next quarter's goals: show {{#notes.goals}} or {{period.next.label}}",
            ])
    }

    @Test func strictTurnsPerCustomerWarningsIntoErrors() throws {
        let site = try Self.site(body: Self.goodBody, edit: Self.removeE1Issues)
        #expect(
            Self.errors(site, strict: true) == [
                "Content/reviews/2026-Q4.md: error: Support tickets rose in Q4 2026 but the notes record no issue; the review would not say what went wrong (add issues: to Content/notes/E-1.md) (customer E-1)"
            ])
    }

    @Test func strictTurnsHiddenIssuesIntoAnError() throws {
        let site = try Self.site(body: "{{#customer.is_new}}{{#notes.issues}}{{text}}{{/notes.issues}}{{/customer.is_new}} {{period.next.label}}\n")
        #expect(
            Self.errors(site, strict: true) == [
                "Content/reviews/2026-Q4.md: error: this customer has issues in their notes but their review would show none of them (customer E-1)"
            ])
    }

    @Test func aGoodTemplatePassesStrict() throws {
        #expect(try Self.warnings(try Self.site(body: Self.goodBody), strict: true) == [])
    }
}
