import Foundation

/// Formats dates, money and numbers for a customer's locale, caching the
/// Foundation formatters (they cost 50-100 µs to make and are not safe to
/// share between threads, so each render worker owns one of these).
final class LocaleFormatter {
    /// Formatters by kind and settings: a long date in de-DE, decimals in en-US to 2 digits, euros in fr-FR.
    private var formatters: [FormatterKey: Formatter] = [:]
    /// Dates already formatted: a build shows the same few months and days
    /// to thousands of customers, and each `DateFormatter` call went through
    /// ICU (3% of a build).
    var dateTexts: [DateTextKey: String] = [:]

    /// Numbers already formatted, per locale and precision: metric values
    /// repeat across customers (counts, scores), and NumberFormatter costs
    /// microseconds a call. Emptied when large, so memory stays bounded.
    var decimalTexts: [DecimalTextKey: String] = [:]
    /// Percentages already formatted, the same way: changes repeat too,
    /// and formatting them was 1.4% of a full build.
    var percentTexts: [DecimalTextKey: String] = [:]

    /// The pattern read from a formatter, by the formatter's key, or nil
    /// where only the formatter itself is right.
    private var longDatePatterns: [FormatterKey: LongDatePattern?] = [:]
    var decimalPatterns: [FormatterKey: DecimalPattern?] = [:]
    /// Locales by number, so the caches' keys hash integers instead of
    /// the locale's text on every lookup. The last one is remembered: a
    /// customer's values come one after another.
    private var localeNumbers: [String: Int32] = [:]
    private var lastLocale: (name: String, number: Int32)?

    /// A formatter's kind and settings.
    struct FormatterKey: Hashable {
        enum Kind: Hashable {
            case date(DateStyle)
            case decimal
            case percent
            case money
        }

        var kind: Kind
        var locale: Int32
        var fractionDigits: Int32 = 0
        var currency: String = ""
    }

    struct DecimalTextKey: Hashable {
        var locale: Int32
        var fractionDigits: Int32
        var bits: UInt64
    }

    struct DateTextKey: Hashable {
        var style: DateStyle
        var locale: Int32
        var date: CalendarDate
    }

    /// The date formats the caches hold; raw values are `DateFormatter` templates.
    enum DateStyle: String {
        case long
        case shortMonth = "MMMyyyy"
        case fullMonth = "MMMMyyyy"
    }

    /// The number standing for `locale` in cache keys.
    func localeNumber(_ locale: String) -> Int32 {
        if let lastLocale, lastLocale.name == locale { return lastLocale.number }
        let number: Int32
        if let known = localeNumbers[locale] {
            number = known
        } else {
            number = Int32(localeNumbers.count)
            localeNumbers[locale] = number
        }
        lastLocale = (locale, number)
        return number
    }

    /// A long date in the locale, e.g. "November 26, 2026" or "26. November 2026".
    func longDate(_ date: CalendarDate, locale: String) -> String {
        let key = DateTextKey(style: .long, locale: localeNumber(locale), date: date)
        if let text = dateTexts[key] { return text }
        let formatterKey = FormatterKey(kind: .date(.long), locale: key.locale)
        let formatter: DateFormatter = formatter(formatterKey) { Self.longDateFormatter(locale: locale) }
        let pattern = Self.once(formatterKey, in: &longDatePatterns) { LongDatePattern(formatter: formatter) }
        let text = pattern?.format(date) ?? formatter.string(from: date.utcDate)
        dateTexts[key] = text
        return text
    }

    /// An amount of money in the locale and currency, e.g. "$1,250.00" or "1.250,00 €".
    func money(_ amount: Decimal, currency: String, locale: String) -> String {
        let formatter: NumberFormatter = formatter(FormatterKey(kind: .money, locale: localeNumber(locale), currency: currency)) {
            let formatter = NumberFormatter()
            formatter.locale = Locale(identifier: locale)
            formatter.numberStyle = .currency
            formatter.currencyCode = currency
            return formatter
        }
        return formatter.string(from: NSDecimalNumber(decimal: amount)) ?? "\(amount) \(currency)"
    }

    /// The formatter of long dates in `locale`, as `longDate` uses it.
    static func longDateFormatter(locale: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        return formatter
    }

    /// The formatter stored under `key`, made by `make` the first time.
    func formatter<Kind: Formatter>(_ key: FormatterKey, make: () -> Kind) -> Kind {
        if let known = formatters[key] as? Kind { return known }
        let made = make()
        formatters[key] = made
        return made
    }

    /// What `table` holds for `key`, nil included, made by `make` the first time.
    static func once<Value>(_ key: FormatterKey, in table: inout [FormatterKey: Value?], make: () -> Value?) -> Value? {
        if let known = table[key] { return known }
        let made = make()
        table[key] = .some(made)
        return made
    }
}
