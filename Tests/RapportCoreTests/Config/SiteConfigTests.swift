import Testing

@testable import RapportCore

@Suite struct SiteConfigTests {
    @Test func defaultsWhenEmpty() throws {
        let (config, warnings) = try SiteConfig.parse("", path: "rapport.yml")
        #expect(config == SiteConfig())
        #expect(warnings.isEmpty)
        #expect(config.thresholds.renewalWindowDays == 90)
        #expect(config.records.customers == "Content/customers.csv")
    }

    @Test func readsEverySetting() throws {
        let text = """
            title: Acme Success
            base_url: https://acme.example
            locale: de-DE
            currency: eur
            records:
              customers: Content/customers.json
              id: Record ID
              delimiter: ";"
            sender: {name: Team, email: team@acme.example, company: Acme}
            thresholds:
              renewal_window_days: 30
              checkin_cadence_days: 14
              new_customer_days: 60
              health: {watch: 80, at_risk: 60}
            fallbacks:
              customer.first_name: there
            markdown: {max_bytes: 1000, max_table_columns: 10, max_bracket_run: 5, max_nesting: 7}
            private_urls: true
            private_url_secret: s3cret
            """
        let (config, warnings) = try SiteConfig.parse(text, path: "rapport.yml")
        #expect(warnings.isEmpty)
        #expect(config.title == "Acme Success")
        #expect(config.baseURL == "https://acme.example")
        #expect(config.locale == "de-DE")
        #expect(config.currency == "EUR")
        #expect(config.records.customers == "Content/customers.json")
        #expect(config.records.idField == "record_id")
        #expect(config.records.delimiter == .semicolon)
        #expect(config.sender.company == "Acme")
        #expect(config.thresholds.renewalWindowDays == 30)
        #expect(config.thresholds.checkinCadenceDays == 14)
        #expect(config.thresholds.newCustomerDays == 60)
        #expect(config.thresholds.healthWatch == 80)
        #expect(config.thresholds.healthAtRisk == 60)
        #expect(config.fallbacks == ["customer.first_name": "there"])
        #expect(config.markdown.maxTableColumns == 10)
        #expect(config.markdown.maxNesting == 7)
        #expect(config.privateURLs)
        #expect(config.privateURLSecret == "s3cret")
    }

    @Test func reportsEveryBadValueWithItsLine() {
        let text = """
            currency: dollars
            records:
              delimiter: pipe
            thresholds:
              renewal_window_days: soon
            private_urls: true
            """
        #expect(throws: DiagnosticList([
            .error("currency must be a three-letter ISO 4217 code such as USD or EUR", at: SourceLocation(path: "rapport.yml", line: 1, column: 11)),
            .error("delimiter must be auto, \",\", \";\" or \"\\t\"", at: SourceLocation(path: "rapport.yml", line: 3, column: 14)),
            .error("\"renewal_window_days\" must be a whole number from 0 to 36500", at: SourceLocation(path: "rapport.yml", line: 5, column: 24)),
            .error("private_urls needs a secret: set private_url_secret in rapport.yml or RAPPORT_URL_SECRET", at: SourceLocation(path: "rapport.yml", line: 6, column: 15)),
        ])) {
            try SiteConfig.parse(text, path: "rapport.yml")
        }
    }

    @Test func unknownKeysAreWarnings() throws {
        let (_, warnings) = try SiteConfig.parse("titel: Oops\nthresholds: {renewal_days: 3}\n", path: "rapport.yml")
        #expect(warnings.map(\.description) == [
            "rapport.yml:1:1: warning: unknown setting \"titel\" (ignored)",
            "rapport.yml:2:14: warning: unknown threshold \"renewal_days\" (ignored)",
        ])
    }

    @Test func yamlSyntaxErrorsNameTheLine() {
        do {
            _ = try SiteConfig.parse("title: [unclosed\nlocale: en-US\n", path: "rapport.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].location?.path == "rapport.yml")
            #expect(error.diagnostics[0].location?.line == 2)
            #expect(error.diagnostics[0].message.hasPrefix("invalid YAML: "))
        }
    }

    @Test func secretFromEnvironment() throws {
        let (config, _) = try SiteConfig.parse("private_urls: true\n", path: "rapport.yml", environment: ["RAPPORT_URL_SECRET": "env"])
        #expect(config.privateURLSecret == "env")
    }
}
