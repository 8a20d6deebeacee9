import Testing

@testable import RapportCore

@Suite struct MetricsPlainNumberTests {
    @Test func parsesPlainNumbers() {
        #expect(PlainNumber.parse("1234.5") == 1234.5)
        #expect(PlainNumber.parse("-3") == -3)
        #expect(PlainNumber.parse("+7") == 7)
        #expect(PlainNumber.parse(".5") == 0.5)
        #expect(PlainNumber.parse("0") == 0)
    }

    @Test(arguments: ["1,234", "1.234,5", "1 234", "1e3", "0x10", "inf", "nan", "-", ".", "5.", "1.2.3", "--1", "12%", "−3", ""])
    func rejectsEverythingElse(_ text: String) {
        #expect(PlainNumber.parse(text) == nil)
    }

    @Test func recognisesGroupedNumbers() {
        #expect(PlainNumber.looksFormatted("1,234"))
        #expect(PlainNumber.looksFormatted("−1.234,5"))
        #expect(PlainNumber.looksFormatted("1\u{202F}234"))
        #expect(!PlainNumber.looksFormatted("abc"))
        #expect(!PlainNumber.looksFormatted("12%"))
        #expect(!PlainNumber.looksFormatted(","))
    }
}
