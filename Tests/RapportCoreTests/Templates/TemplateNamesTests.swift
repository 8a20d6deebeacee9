import Testing

@testable import RapportCore

@Suite struct TemplateNamesTests {
    static func names(_ templates: String...) throws -> Set<String> {
        let scanner = MustacheScanner()
        return TemplateNames.collect(from: try templates.map { try scanner.scan($0, path: "t.mustache") })
    }

    @Test func everyPartOfEveryNameInEverySectionAndTemplate() throws {
        let found = try Self.names(
            "{{customer.name}} {{#metrics_list}}{{{chart}}}{{/metrics_list}}",
            "{{^has_metrics}}{{uppercased(period.label)}}{{/has_metrics}}{{> partials/footer}}{{! sparkline }}")
        #expect(found == ["customer", "name", "metrics_list", "chart", "has_metrics", "period", "label", "partials/footer"])
    }

    @Test func aLoadedSiteHasTheNamesOfItsDocumentsPartialsAndLayouts() throws {
        // The Everything review shows series and sparkline (golden files
        // check their output); layouts name page_title, content partials
        // are scanned too.
        let site = Fixtures.copyOfSite("Everything")
        let loaded = try SiteLoader(options: EverythingSiteTests.options(output: site.appendingPathComponent("Output"), site: site)).load()
        #expect(MetricSummary.optionalValues.isSubset(of: loaded.templateNames))
        #expect(loaded.templateNames.isSuperset(of: ["customer", "page_title", "content"]))
    }
}
