import Foundation
import Testing

@testable import RapportCore

/// `LongDatePattern` must write exactly what `DateFormatter` writes, for
/// every day it is used for: it is compared here with the formatter itself.
@Suite struct LongDatePatternTests {
    /// The formatter `LocaleFormatter.longDate` uses; Foundation's text from it is the expected answer.
    static func longFormatter(_ locale: String) -> DateFormatter {
        LocaleFormatter.longDateFormatter(locale: locale)
    }

    /// Every day of 1999 and of 2026-2028 (a leap year among them), and the first of each month over a century.
    static let days: [CalendarDate] = {
        var days: [CalendarDate] = []
        for year in [1999, 2026, 2027, 2028] {
            for month in 1...12 {
                for day in 1...CalendarDate.daysIn(month: month, year: year) {
                    days.append(CalendarDate(year: year, month: month, day: day))
                }
            }
        }
        for year in stride(from: 1950, through: 2050, by: 7) {
            for month in 1...12 { days.append(CalendarDate(year: year, month: month, day: 1)) }
        }
        return days
    }()

    /// Locales whose long dates are day, month and year only: the pattern must take them.
    @Test(arguments: ["en-US", "en-GB", "de-DE", "fr-FR", "nl-NL", "es-ES", "ja-JP", "sv-SE", "it-IT", "pt-BR", "pl-PL", "fi-FI"])
    func matchesTheFormatterEveryDay(locale: String) throws {
        let formatter = Self.longFormatter(locale)
        let pattern = try #require(LongDatePattern(formatter: formatter), "\(locale): \(formatter.dateFormat ?? "")")
        for day in Self.days {
            #expect(pattern.format(day) == formatter.string(from: day.utcDate), "\(locale) \(day)")
        }
    }

    /// Other locales (other digits, a weekday or era in the pattern, month
    /// names in other cases) either match every day or are left to the formatter.
    @Test(arguments: ["ar-EG", "fa-IR", "hi-IN", "ru-RU", "uk-UA", "cs-CZ", "el-GR", "he-IL", "th-TH", "ko-KR", "zh-CN", "zh-TW", "vi-VN", "tr-TR", "hu-HU", "lt-LT", "ca-ES", "eu-ES", "bn-BD", "my-MM"])
    func matchesOrDeclines(locale: String) {
        let formatter = Self.longFormatter(locale)
        guard let pattern = LongDatePattern(formatter: formatter) else { return }
        for day in Self.days {
            #expect(pattern.format(day) == formatter.string(from: day.utcDate), "\(locale) \(day)")
        }
    }

    @Test func yearsOutsideTheProbeAreLeftToTheFormatter() throws {
        let pattern = try #require(LongDatePattern(formatter: Self.longFormatter("en-US")))
        #expect(pattern.format(CalendarDate(year: 999, month: 5, day: 1)) == nil)
        #expect(pattern.format(CalendarDate(year: 10_000, month: 5, day: 1)) == nil)
        #expect(pattern.format(CalendarDate(year: 2026, month: 11, day: 26)) == "November 26, 2026")
    }

    @Test func aPatternWithOtherFieldsIsDeclined() {
        let formatter = Self.longFormatter("en-US")
        formatter.dateFormat = "EEEE, MMMM d, y"
        #expect(LongDatePattern(formatter: formatter) == nil)
        formatter.dateFormat = "MMMM d, y G"
        #expect(LongDatePattern(formatter: formatter) == nil)
    }

    @Test func quotedTextIsKeptAsWritten() throws {
        let formatter = Self.longFormatter("en-US")
        formatter.dateFormat = "d 'of' MMMM 'o''clock' ''y''"
        let pattern = try #require(LongDatePattern(formatter: formatter))
        let day = CalendarDate(year: 2026, month: 3, day: 7)
        #expect(pattern.format(day) == "7 of March o'clock '2026'")
        #expect(pattern.format(day) == formatter.string(from: day.utcDate))
    }

    /// Through `LocaleFormatter`, with its cache, the long date is the formatter's.
    @Test func localeFormatterWritesTheFormattersText() {
        let formatter = LocaleFormatter()
        for locale in ["en-US", "de-DE", "ar-EG", "ja-JP"] {
            let reference = Self.longFormatter(locale)
            for day in Self.days.prefix(400) {
                #expect(formatter.longDate(day, locale: locale) == reference.string(from: day.utcDate), "\(locale) \(day)")
            }
        }
    }
}
