import Foundation

/// Plain numbers, signed changes, percentages and month labels for metrics and charts.
///
/// Signs are written by hand rather than by the locale's formatter: every
/// locale then shows a change as `+12` / `−3` (U+2212, the typographic minus,
/// which some ICU locales use and others do not), and a value that rounds to
/// zero never shows as `−0`.
extension LocaleFormatter {
    /// A number with the locale's grouping and decimal mark, e.g. "1,240.5", "1.240,5" or "−3".
    func number(_ value: Double, locale: String, maximumFractionDigits: Int = 2) -> String {
        let rounded = Self.rounded(value, fractionDigits: maximumFractionDigits)
        let magnitude = decimal(abs(rounded), locale: locale, maximumFractionDigits: maximumFractionDigits)
        return rounded < 0 ? "\u{2212}" + magnitude : magnitude
    }

    /// A number with an explicit sign, e.g. "+12", "−3,5"; zero has no sign.
    func signedNumber(_ value: Double, locale: String, maximumFractionDigits: Int = 2) -> String {
        let rounded = Self.rounded(value, fractionDigits: maximumFractionDigits)
        let magnitude = decimal(abs(rounded), locale: locale, maximumFractionDigits: maximumFractionDigits)
        return Self.sign(of: rounded) + magnitude
    }

    /// A signed percentage, where `percent` 12.5 means 12.5 %: "+12.5%" (en), "+12,5 %" (de); zero has no sign.
    func signedPercent(_ percent: Double, locale: String, maximumFractionDigits: Int = 1) -> String {
        let rounded = Self.rounded(percent, fractionDigits: maximumFractionDigits)
        let magnitude = self.percent(abs(rounded), locale: locale, maximumFractionDigits: maximumFractionDigits)
        return rounded < 0 ? "\u{2212}" + magnitude : rounded > 0 ? "+" + magnitude : magnitude
    }

    /// A percentage in the locale, where `percent` 12.5 means 12.5 %: "12.5%" (en), "12,5 %" (de), "−3%".
    func percent(_ percent: Double, locale: String, maximumFractionDigits: Int = 1) -> String {
        let rounded = Self.rounded(percent, fractionDigits: maximumFractionDigits)
        let key = DecimalTextKey(locale: localeNumber(locale), fractionDigits: Int32(maximumFractionDigits), bits: abs(rounded).bitPattern)
        let magnitude = Self.remembered(key, in: &percentTexts) {
            let formatterKey = FormatterKey(kind: .percent, locale: key.locale, fractionDigits: key.fractionDigits)
            let formatter: NumberFormatter = formatter(formatterKey) {
                let formatter = NumberFormatter()
                formatter.locale = Locale(identifier: locale)
                formatter.numberStyle = .percent
                formatter.minimumFractionDigits = 0
                formatter.maximumFractionDigits = maximumFractionDigits
                return formatter
            }
            return formatter.string(from: NSNumber(value: abs(rounded) / 100)) ?? "\(abs(rounded))%"
        }
        return rounded < 0 ? "\u{2212}" + magnitude : magnitude
    }

    /// A short month and year in the locale, e.g. "Oct 2026", "Okt. 2026".
    func monthLabel(_ month: YearMonth, locale: String) -> String {
        monthText(month, style: .shortMonth, locale: locale)
    }

    /// A full month name and year in the locale, e.g. "October 2026", "Oktober 2026".
    func longMonth(_ month: YearMonth, locale: String) -> String {
        monthText(month, style: .fullMonth, locale: locale)
    }

    // MARK: - Formatting

    private func decimal(_ magnitude: Double, locale: String, maximumFractionDigits: Int) -> String {
        let key = DecimalTextKey(locale: localeNumber(locale), fractionDigits: Int32(maximumFractionDigits), bits: magnitude.bitPattern)
        return Self.remembered(key, in: &decimalTexts) {
            formatDecimal(magnitude, locale: locale, maximumFractionDigits: maximumFractionDigits)
        }
    }

    /// The text `texts` holds for `key`, else `make`'s, kept; emptied when
    /// large, so memory stays bounded.
    private static func remembered(
        _ key: DecimalTextKey, in texts: inout [DecimalTextKey: String], make: () -> String
    ) -> String {
        if let text = texts[key] { return text }
        if texts.count >= 50_000 { texts.removeAll(keepingCapacity: true) }
        let text = make()
        texts[key] = text
        return text
    }

    private func formatDecimal(_ magnitude: Double, locale: String, maximumFractionDigits: Int) -> String {
        let key = FormatterKey(kind: .decimal, locale: localeNumber(locale), fractionDigits: Int32(maximumFractionDigits))
        let formatter: NumberFormatter = formatter(key) {
            Self.decimalFormatter(locale: locale, maximumFractionDigits: maximumFractionDigits)
        }
        let pattern = Self.once(key, in: &decimalPatterns) {
            DecimalPattern(formatter: formatter, fractionDigits: maximumFractionDigits)
        }
        return pattern?.format(magnitude) ?? formatter.string(from: NSNumber(value: magnitude)) ?? "\(magnitude)"
    }

    /// The formatter of plain numbers in `locale`, as `number` uses it (the sign is written by hand).
    static func decimalFormatter(locale: String, maximumFractionDigits: Int) -> NumberFormatter {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.minimumFractionDigits = 0
        formatter.maximumFractionDigits = maximumFractionDigits
        return formatter
    }

    private func monthText(_ month: YearMonth, style: DateStyle, locale: String) -> String {
        let day = CalendarDate(year: month.year, month: month.month, day: 1)
        let key = DateTextKey(style: style, locale: localeNumber(locale), date: day)
        if let text = dateTexts[key] { return text }
        let date = day.utcDate
        let formatter: DateFormatter = formatter(FormatterKey(kind: .date(style), locale: key.locale)) {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: locale)
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.setLocalizedDateFormatFromTemplate(style.rawValue)
            return formatter
        }
        let text = formatter.string(from: date)
        dateTexts[key] = text
        return text
    }

    /// Rounds half away from zero first, so the sign is decided on the value actually shown.
    private static func rounded(_ value: Double, fractionDigits: Int) -> Double {
        let scale = pow(10, Double(fractionDigits))
        let result = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return result == 0 ? 0 : result
    }

    private static func sign(of value: Double) -> String {
        value > 0 ? "+" : value < 0 ? "\u{2212}" : ""
    }
}
