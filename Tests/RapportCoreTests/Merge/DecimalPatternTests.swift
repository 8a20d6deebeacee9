import Foundation
import Testing

@testable import RapportCore
import TestSupport

/// `DecimalPattern` must write exactly what `NumberFormatter` writes for
/// the rounded numbers `LocaleFormatter` gives it: compared here with the
/// formatter itself over many numbers.
@Suite struct DecimalPatternTests {
    /// The formatter `LocaleFormatter.number` uses; Foundation's text from it is the expected answer.
    static func decimalFormatter(_ locale: String, fractionDigits: Int) -> NumberFormatter {
        LocaleFormatter.decimalFormatter(locale: locale, maximumFractionDigits: fractionDigits)
    }

    /// Seeded numbers from 0 to a billion at every magnitude, rounded as `LocaleFormatter` rounds them.
    static func numbers(fractionDigits: Int) -> [Double] {
        var generator = SeededGenerator(seed: 0x5EED)
        let scale = pow(10, Double(fractionDigits))
        var numbers: [Double] = [0, 1, 10, 100, 999, 1_000, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000, 10_000_000]
        for _ in 0..<3_000 {
            let magnitude = pow(10, Double(generator.next() % 10))
            let value = Double(generator.next() % 1_000_000) / 1_000_000 * magnitude
            numbers.append((value * scale).rounded(.toNearestOrAwayFromZero) / scale)
        }
        return numbers
    }

    @Test(arguments: ["en-US", "en-GB", "de-DE", "fr-FR", "nl-NL", "es-ES", "ja-JP", "sv-SE", "it-IT", "pt-BR", "pl-PL", "de-CH", "hi-IN", "en-IN"])
    func matchesTheFormatter(locale: String) throws {
        for fractionDigits in [0, 1, 2] {
            let formatter = Self.decimalFormatter(locale, fractionDigits: fractionDigits)
            let pattern = try #require(DecimalPattern(formatter: formatter, fractionDigits: fractionDigits), "\(locale)")
            for number in Self.numbers(fractionDigits: fractionDigits) {
                #expect(pattern.format(number) == formatter.string(from: NSNumber(value: number)), "\(locale) \(fractionDigits) \(number)")
            }
        }
    }

    /// Other locales (other digits or separators) either match every number or are left to the formatter.
    @Test(arguments: ["ar-EG", "fa-IR", "bn-BD", "my-MM", "ru-RU", "cs-CZ", "fr-CH", "pt-PT", "he-IL", "th-TH", "zh-CN", "ko-KR", "tr-TR"])
    func matchesOrDeclines(locale: String) {
        for fractionDigits in [0, 1, 2] {
            let formatter = Self.decimalFormatter(locale, fractionDigits: fractionDigits)
            guard let pattern = DecimalPattern(formatter: formatter, fractionDigits: fractionDigits) else { continue }
            for number in Self.numbers(fractionDigits: fractionDigits) {
                #expect(pattern.format(number) == formatter.string(from: NSNumber(value: number)), "\(locale) \(fractionDigits) \(number)")
            }
        }
    }

    @Test func numbersItCannotSpeakForAreLeftToTheFormatter() throws {
        let pattern = try #require(DecimalPattern(formatter: Self.decimalFormatter("en-US", fractionDigits: 2), fractionDigits: 2))
        #expect(pattern.format(1_240.5) == "1,240.5")
        #expect(pattern.format(0.05) == "0.05")
        #expect(pattern.format(1.005 + 0.0001) == nil)
        #expect(pattern.format(1e12) == nil)
        #expect(pattern.format(-3) == nil)
        #expect(pattern.format(.infinity) == nil)
        #expect(pattern.format(.nan) == nil)
    }

    /// Through `LocaleFormatter`, with its caches and signs, numbers are the formatter's.
    @Test func localeFormatterWritesTheFormattersText() {
        let formatter = LocaleFormatter()
        for locale in ["en-US", "de-DE", "ar-EG", "es-ES"] {
            let reference = Self.decimalFormatter(locale, fractionDigits: 2)
            for number in Self.numbers(fractionDigits: 2).prefix(500) {
                #expect(formatter.number(number, locale: locale) == reference.string(from: NSNumber(value: number)), "\(locale) \(number)")
            }
        }
    }
}
