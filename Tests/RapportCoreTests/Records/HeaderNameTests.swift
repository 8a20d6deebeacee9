import Testing

@testable import RapportCore

@Suite struct HeaderNameTests {
    @Test(arguments: [
        ("Record ID", "record_id"),
        ("MRR (EUR)", "mrr_eur"),
        ("First Name", "first_name"),
        ("  email  ", "email"),
        ("already_snake", "already_snake"),
        ("Health--Score__2026", "health_score_2026"),
        ("_leading and trailing_", "leading_and_trailing"),
        ("Prénom", "prénom"),
        ("STRASSE/Straße", "strasse_straße"),
        ("Ünïcödé Name", "ünïcödé_name"),
        ("!!!", ""),
        ("", ""),
    ])
    func normalises(raw: String, expected: String) {
        #expect(HeaderName.normalise(raw) == expected)
    }
}
