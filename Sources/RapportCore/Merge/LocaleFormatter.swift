import Foundation

/// Formats dates, money and numbers for a customer's locale, caching the
/// Foundation formatters (they cost 50-100 µs to make and are not safe to
/// share between threads, so each render worker owns one of these).
final class LocaleFormatter {
    /// Formatters by kind and settings, e.g. `long|de-DE`, `decimal|en-US|2`.
    private var formatters: [String: Formatter] = [:]
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

    struct DecimalTextKey: Hashable {
        var locale: String
        var fractionDigits: Int
        var bits: UInt64
    }

    struct DateTextKey: Hashable {
        var style: String
        var locale: String
        var date: CalendarDate
    }

    /// A long date in the locale, e.g. "November 26, 2026" or "26. November 2026".
    func longDate(_ date: CalendarDate, locale: String) -> String {
        let key = DateTextKey(style: "long", locale: locale, date: date)
        if let text = dateTexts[key] { return text }
        let formatter: DateFormatter = formatter("long|\(locale)") {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: locale)
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.dateStyle = .long
            formatter.timeStyle = .none
            return formatter
        }
        let text = formatter.string(from: date.utcDate)
        dateTexts[key] = text
        return text
    }

    /// An amount of money in the locale and currency, e.g. "$1,250.00" or "1.250,00 €".
    func money(_ amount: Decimal, currency: String, locale: String) -> String {
        let formatter: NumberFormatter = formatter("money|\(locale)|\(currency)") {
            let formatter = NumberFormatter()
            formatter.locale = Locale(identifier: locale)
            formatter.numberStyle = .currency
            formatter.currencyCode = currency
            return formatter
        }
        return formatter.string(from: NSDecimalNumber(decimal: amount)) ?? "\(amount) \(currency)"
    }

    /// The formatter stored under `key`, made by `make` the first time.
    func formatter<Kind: Formatter>(_ key: String, make: () -> Kind) -> Kind {
        if let known = formatters[key] as? Kind { return known }
        let made = make()
        formatters[key] = made
        return made
    }
}
