import Testing

@testable import RapportCore

@Suite struct MetricsNumberFormattingTests {
    let formatter = LocaleFormatter()

    @Test func numbersUseGroupingAndTheTypographicMinus() {
        #expect(formatter.number(1240, locale: "en-US") == "1,240")
        #expect(formatter.number(1234567.891, locale: "de-DE") == "1.234.567,89")
        #expect(formatter.number(-3, locale: "en-US") == "\u{2212}3")
        #expect(formatter.number(-0.001, locale: "en-US") == "0")
        #expect(formatter.number(2.5, locale: "en-US", maximumFractionDigits: 0) == "3")
    }

    @Test func signedNumbersAndPercentages() {
        #expect(formatter.signedNumber(170, locale: "en-US") == "+170")
        #expect(formatter.signedNumber(-3.25, locale: "de-DE") == "\u{2212}3,25")
        #expect(formatter.signedNumber(0, locale: "en-US") == "0")
        #expect(formatter.signedPercent(12.5, locale: "en-US") == "+12.5%")
        #expect(formatter.signedPercent(-13.71, locale: "en-US") == "\u{2212}13.7%")
        #expect(formatter.signedPercent(12.5, locale: "de-DE") == "+12,5\u{00A0}%")
        #expect(formatter.signedPercent(0.04, locale: "en-US") == "0%")
        #expect(formatter.percent(13.71, locale: "en-US") == "13.7%")
    }

    @Test func monthLabels() {
        let october = YearMonth(year: 2026, month: 10)
        #expect(formatter.monthLabel(october, locale: "en-US") == "Oct 2026")
        #expect(formatter.monthLabel(october, locale: "de-DE") == "Okt. 2026")
        #expect(formatter.longMonth(october, locale: "en-GB") == "October 2026")
        #expect(formatter.longMonth(october, locale: "de-DE") == "Oktober 2026")
    }
}
