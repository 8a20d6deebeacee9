import Foundation
import Testing

@testable import RapportCore

/// docs/template-variables.md is written from `TemplateVocabulary`, the
/// one declaration of the names templates may use; this fails when they
/// differ. `RECORD_DOCS=1 swift test --filter TemplateVocabularyDocsTests`
/// rewrites the file from the declaration.
@Suite struct TemplateVocabularyDocsTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/template-variables.md")

    @Test func theReferenceIsTheDeclaration() throws {
        if ProcessInfo.processInfo.environment["RECORD_DOCS"] == "1" {
            try TemplateVocabulary.reference.write(to: Self.docs, atomically: true, encoding: .utf8)
        }
        let written = try String(contentsOf: Self.docs, encoding: .utf8)
        #expect(written == TemplateVocabulary.reference, "docs/template-variables.md is out of date: run RECORD_DOCS=1 swift test --filter TemplateVocabularyDocsTests")
    }

    @Test func theFieldCheckAcceptsEveryDeclaredName() {
        let schema = ContentSchema.review(base: ContentSchema.newsletter(for: []), metrics: MetricsTable(metricNames: ["seats"], values: [:]))
        for field in TemplateVocabulary.Customer.computed {
            #expect(ContentSchema.resolve("customer." + field.name, in: schema) != nil, "customer.\(field.name)")
        }
        for field in TemplateVocabulary.Notes.fields {
            #expect(ContentSchema.resolve("notes." + field.name, in: schema) != nil, "notes.\(field.name)")
        }
        for field in TemplateVocabulary.Metric.fields {
            #expect(ContentSchema.resolve("metrics.seats." + field.name, in: schema) != nil, "metrics.seats.\(field.name)")
        }
        #expect(ContentSchema.resolve("customer.region", in: schema) == nil, "a column no record has is unknown")
        #expect(ContentSchema.resolve("document.period", in: ContentSchema.newsletter(for: [])) == nil, "newsletters have no period")
    }
}
