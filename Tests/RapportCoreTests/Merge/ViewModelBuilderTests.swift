import Foundation
import Testing

@testable import RapportCore

@Suite struct ViewModelBuilderTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 26)

    func profile(_ fields: [(String, String)], config: SiteConfig = SiteConfig()) -> CustomerProfile {
        let object = RecordObject(fields.map { ($0.0, RecordValue.text($0.1)) })
        let record = CustomerRecord(
            id: fields.first { $0.0 == "id" }?.1 ?? "C-1", fields: object,
            location: RapportCore.SourceLocation(path: "customers.csv", line: 2), fieldLocations: [:])
        let (profile, problems) = CustomerProfile.make(from: record, slug: "c-1", config: config)
        #expect(problems.isEmpty)
        return profile!
    }

    func customer(_ fields: [(String, String)], config: SiteConfig = SiteConfig()) -> [String: Any] {
        let builder = ViewModelBuilder(config: config, today: Self.today, formatter: LocaleFormatter())
        return builder.customer(profile(fields, config: config)).untyped
    }

    @Test func computedFields() {
        let model = customer([
            ("id", "C-1"), ("name", "Acme"), ("contact_name", "Ada Lovelace"), ("start_date", "2023-02-15"),
            ("renewal_date", "2027-01-10"), ("mrr", "1250.5"), ("health_score", "65"), ("last_contact", "2026-10-01"),
        ])
        #expect(model["first_name"] as? String == "Ada")
        #expect(model["tenure"] as? String == "3 years")
        #expect(model["days_to_renewal"] as? String == "45")
        #expect(model["renewal_due"] as? Bool == true)
        #expect(model["health"] as? String == "watch")
        #expect(model["health_label"] as? String == "Watch")
        #expect(model["is_new"] as? Bool == false)
        #expect(model["days_since_contact"] as? String == "56")
        #expect(model["due_for_checkin"] as? Bool == true)
        #expect(model["mrr"] as? String == "$1,250.50")
        #expect(model["mrr_value"] as? String == "1250.5")
        #expect(model["renewal_date"] as? String == "January 10, 2027")
        #expect(model["renewal_date_iso"] as? String == "2027-01-10")
    }

    @Test func localeFormatting() {
        let model = customer([("id", "C-1"), ("locale", "de-DE"), ("currency", "EUR"), ("mrr", "1234.5"), ("renewal_date", "2027-03-01")])
        #expect(model["mrr"] as? String == "1.234,50\u{a0}€")
        #expect(model["renewal_date"] as? String == "1. März 2027")
    }

    @Test(arguments: [("2026-11-20", "6 days"), ("2026-10-26", "1 month"), ("2026-05-01", "6 months"), ("2025-11-26", "1 year"), ("2016-01-01", "10 years")])
    func tenure(start: String, expected: String) {
        #expect(ViewModelBuilder.tenure(from: CalendarDate(iso: start)!, to: Self.today) == expected)
    }

    @Test func healthBands() {
        let thresholds = SiteConfig.Thresholds()
        #expect(ViewModelBuilder.health(49.9, thresholds: thresholds) == .atRisk)
        #expect(ViewModelBuilder.health(50, thresholds: thresholds) == .watch)
        #expect(ViewModelBuilder.health(69, thresholds: thresholds) == .watch)
        #expect(ViewModelBuilder.health(70, thresholds: thresholds) == .healthy)
        #expect(ViewModelBuilder.health(nil, thresholds: thresholds) == nil)
    }

    @Test func emptyValuesAreLeftOutAndNeverContactedIsDue() {
        let model = customer([("id", "C-1"), ("contact_name", "  "), ("region", "")])
        #expect(model["first_name"] == nil)
        #expect(model["contact_name"] == nil)
        #expect(model["region"] == nil)
        #expect(model["due_for_checkin"] as? Bool == true)
        #expect(model["renewal_due"] as? Bool == false)
    }

    @Test func senderFallsBackToSiteSettings() {
        var config = SiteConfig()
        config.sender.name = "Success Team"
        config.sender.email = "team@example.com"
        let builder = ViewModelBuilder(config: config, today: Self.today, formatter: LocaleFormatter())
        let withManager = builder.sender(profile([("id", "C-1"), ("account_manager", "Grace Hopper")])).untyped
        #expect(withManager["name"] as? String == "Grace Hopper")
        #expect(withManager["first_name"] as? String == "Grace")
        #expect(withManager["email"] as? String == "team@example.com")
        #expect(withManager["company"] as? String == "rapport")
    }

    @Test func unsafeURLsFromDataAreDroppedWithAWarning() {
        let record = CustomerRecord(
            id: "C-1", fields: RecordObject([("id", .text("C-1")), ("website", .text("javascript:alert(1)")), ("booking_url", .text("https://cal.example/x"))]),
            location: RapportCore.SourceLocation(path: "customers.csv", line: 2),
            fieldLocations: ["website": RapportCore.SourceLocation(path: "customers.csv", line: 2, column: 6)])
        let (profile, problems) = CustomerProfile.make(from: record, slug: "c-1", config: SiteConfig())
        #expect(problems.map(\.description) == [
            "customers.csv:2:6: warning: website \"javascript:alert(1)\" is not an http, https or mailto URL; it is left out (customer C-1)"
        ])
        #expect(profile?.text("website") == nil)
        #expect(profile?.text("booking_url") == "https://cal.example/x")
    }

    @Test func badTypedValuesAreErrorsAtTheirField() {
        let record = CustomerRecord(
            id: "C-9", fields: RecordObject([("id", .text("C-9")), ("mrr", .text("1.234,50")), ("nps", .text("101")), ("renewal_date", .text("2026-02-30")), ("locale", .text("german"))]),
            location: RapportCore.SourceLocation(path: "c.csv", line: 4),
            fieldLocations: [
                "mrr": RapportCore.SourceLocation(path: "c.csv", line: 4, column: 6),
                "nps": RapportCore.SourceLocation(path: "c.csv", line: 4, column: 15),
            ])
        let (profile, problems) = CustomerProfile.make(from: record, slug: "c-9", config: SiteConfig())
        #expect(profile == nil)
        #expect(problems.map(\.description) == [
            "c.csv:4: error: locale \"german\" is not a locale such as en-US or de-DE (customer C-9)",
            "c.csv:4: error: renewal_date \"2026-02-30\" is not a date written YYYY-MM-DD (customer C-9)",
            "c.csv:4:6: error: mrr \"1.234,50\" is not a plain number such as 1250 or 1250.50 (no currency signs or thousands separators) (customer C-9)",
            "c.csv:4:15: error: nps \"101\" is not a whole number from -100 to 100 (customer C-9)",
        ])
    }
}
