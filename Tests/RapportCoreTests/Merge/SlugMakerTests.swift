import Foundation
import Testing

@testable import RapportCore

@Suite struct SlugMakerTests {
    func record(_ id: String, line: Int) -> CustomerRecord {
        CustomerRecord(
            id: id, fields: RecordObject([("id", .text(id))]),
            location: RapportCore.SourceLocation(path: "c.csv", line: line), fieldLocations: [:])
    }

    @Test(arguments: [
        ("NW-1001", "nw-1001"), ("Acme / Ltd", "acme-ltd"), ("Bäckerei", "backerei"), ("../etc/passwd", "etc-passwd"),
        ("ＡＢＣ", "abc"), ("a_b", "a_b"), ("--x--", "x"),
    ])
    func baseSlugs(id: String, slug: String) {
        #expect(SlugMaker.baseSlug(for: id) == slug)
    }

    /// ASCII ids skip Foundation's folding; each character must slug as it
    /// did through it (compatibility mapping, folding, lower case).
    @Test func asciiIdsSlugAsFoundationFoldsThem() {
        for code in UInt8(0)..<0x80 {
            let id = String(decoding: [UInt8(ascii: "A"), code, UInt8(ascii: "b"), code, UInt8(ascii: "9")], as: UTF8.self)
            let folded = id.precomposedStringWithCompatibilityMapping
                .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
            #expect(folded == id.lowercased(), "character \(code)")
        }
        #expect(SlugMaker.baseSlug(for: "--Acme_Corp  GmbH__") == "acme_corp-gmbh")
        #expect(SlugMaker.baseSlug(for: "Bäckerei Müller") == "backerei-muller")
        #expect(SlugMaker.baseSlug(for: "ＡＣＭＥ") == "acme")
        #expect(SlugMaker.baseSlug(for: "-_-") == nil)
        #expect(SlugMaker.baseSlug(for: String(repeating: "x", count: 90))?.count == 80)
    }

    @Test func unusableIdsCollisionsAndReservedNamesAreErrors() {
        let records = [record("A-1", line: 2), record("a-1", line: 3), record("Á-1", line: 4), record("%%%", line: 5), record("CON", line: 6), record("B-2", line: 7)]
        let (slugs, problems) = SlugMaker().slugs(for: records)
        #expect(slugs == ["a-1", nil, nil, nil, nil, "b-2"])
        #expect(problems.map(\.description) == [
            "c.csv:3: error: id \"a-1\" makes the same folder name \"a-1\" as id \"A-1\" on line 2; ids must differ by more than case, accents or punctuation (customer a-1)",
            "c.csv:4: error: id \"Á-1\" makes the same folder name \"a-1\" as id \"A-1\" on line 2; ids must differ by more than case, accents or punctuation (customer Á-1)",
            "c.csv:5: error: id \"%%%\" has no letters or digits to make a folder name from (customer %%%)",
            "c.csv:6: error: id \"CON\" makes the reserved folder name \"con\"; choose another id (customer CON)",
        ])
    }

    @Test func privateSlugsCarryAStableUnguessableToken() {
        let (first, _) = SlugMaker(privateURLSecret: "secret").slugs(for: [record("A-1", line: 2)])
        let (again, _) = SlugMaker(privateURLSecret: "secret").slugs(for: [record("A-1", line: 2)])
        let (other, _) = SlugMaker(privateURLSecret: "other").slugs(for: [record("A-1", line: 2)])
        #expect(first == again)
        #expect(first != other)
        #expect(first[0]!.hasPrefix("a-1-"))
        #expect(first[0]!.count == "a-1-".count + 20)
    }
}
