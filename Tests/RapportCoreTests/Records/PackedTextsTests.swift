import Testing

@testable import RapportCore

@Suite struct PackedTextsTests {
    /// Empty, short, exactly 15 and 16 bytes (where a string leaves its
    /// inline form), long enough for a two-byte length, and non-ASCII.
    private static let texts = [
        "", "C-1", "123456789012345", "1234567890123456", String(repeating: "x", count: 300), "Inès Müller", "東京 👩🏽‍💻", " padded ",
    ]

    @Test func givesBackEachTextByPositionAndAll() {
        let packed = PackedTexts(Self.texts)
        #expect(packed.count == Self.texts.count)
        #expect(packed.texts == Self.texts)
        for (position, text) in Self.texts.enumerated() {
            #expect(packed[position] == text)
            #expect(Array(packed[position].utf8) == Array(text.utf8))
        }
    }

    @Test func aPackedRecordEqualsTheSameValuesUnpacked() {
        let keys = ["id", "name", "email"]
        let values = ["C-1", "Kestrel Clinic 1", "ines.0@customer0.example"]
        let packed = RecordObject(keys: keys, texts: values, positions: KeyPositions(keys))
        let unpacked = RecordObject(zip(keys, values.map(RecordValue.text)))
        #expect(packed == unpacked)
        #expect(packed.hashValue == unpacked.hashValue)
        #expect(packed["email"] == .text("ines.0@customer0.example"))
        #expect(packed["phone"] == nil)
        #expect(packed.items == values.map(RecordValue.text))
    }

    @Test func changingAPackedRecordKeepsEveryOtherValue() {
        let keys = ["id", "name", "website"]
        var record = RecordObject(keys: keys, texts: ["C-1", "Kestrel", "javascript:alert(1)"], positions: KeyPositions(keys))
        record["website"] = .null
        record["plan"] = .text("pro")
        #expect(record.pairs.map(\.key) == ["id", "name", "website", "plan"])
        #expect(record.items == [.text("C-1"), .text("Kestrel"), .null, .text("pro")])
        record["name"] = nil
        #expect(record.keys == ["id", "website", "plan"])
        #expect(record["plan"] == .text("pro"))
    }
}
