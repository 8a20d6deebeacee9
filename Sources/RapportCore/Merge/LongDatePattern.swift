import Foundation

/// A locale's long date format ("MMMM d, y", "d. MMMM y", "y年M月d日")
/// applied without a `DateFormatter` call per date.
///
/// Every customer shows their own start, renewal and last-contact dates,
/// so the cache of formatted dates rarely hits, and each `DateFormatter`
/// call goes through ICU (1.4% of a full build, 3% of the outbox). A
/// pattern is used only when it holds nothing but day, month and year
/// fields and literal text, and a probe of dates in every month formats
/// exactly as the formatter does (a locale with its own digits, or
/// anything else this reading gets wrong, keeps the formatter).
struct LongDatePattern {
    private enum Part {
        case literal(String)
        /// The day of the month, zero-padded to `width`.
        case day(width: Int)
        /// The month as a number, zero-padded to `width`.
        case month(width: Int)
        /// The month's name from the locale: full or short, format or standalone form.
        case monthName([String])
        /// The year: `y` in full, `yy` its last two digits, `yyyy` padded to four.
        case year(width: Int)
    }

    private let parts: [Part]

    /// The pattern of `formatter` (set to `.long`, Gregorian, UTC), when it can be
    /// applied by hand and gives the formatter's own text for every probed date.
    init?(formatter: DateFormatter) {
        guard let parts = Self.parse(formatter.dateFormat, formatter: formatter) else { return nil }
        self.parts = parts
        for date in Self.probe where format(date) != formatter.string(from: date.utcDate) { return nil }
    }

    /// `date` in the pattern; nil for a year outside 1000...9999, which the
    /// probe did not cover (the formatter writes those).
    func format(_ date: CalendarDate) -> String? {
        guard (1000...9999).contains(date.year), (1...12).contains(date.month) else { return nil }
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .day(let width): Self.append(date.day, width: width, to: &text)
            case .month(let width): Self.append(date.month, width: width, to: &text)
            case .monthName(let names): text += names[date.month - 1]
            case .year(let width):
                if width == 2 { Self.append(date.year % 100, width: 2, to: &text) } else { Self.append(date.year, width: width, to: &text) }
            }
        }
        return text
    }

    /// Every month once or twice, one- and two-digit days, several years.
    private static let probe: [CalendarDate] =
        (1...12).flatMap { month in
            [CalendarDate(year: 1999 + month, month: month, day: 1), CalendarDate(year: 2030, month: month, day: 10 + month)]
        } + [CalendarDate(year: 2026, month: 2, day: 9)]

    private static func append(_ number: Int, width: Int, to text: inout String) {
        let digits = String(number)
        if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
        text += digits
    }

    /// The parts of a UTS #35 date pattern, or nil when it has a field other than d, M, L or y.
    private static func parse(_ pattern: String, formatter: DateFormatter) -> [Part]? {
        var parts: [Part] = []
        var literal = ""
        var characters = pattern[...]
        func flushLiteral() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while let character = characters.first {
            if character == "'" {
                characters.removeFirst()
                if characters.first == "'" {
                    literal.append("'")
                    characters.removeFirst()
                    continue
                }
                // Quoted text up to the closing quote; '' inside stands for one quote.
                while let next = characters.first {
                    characters.removeFirst()
                    if next == "'" {
                        guard characters.first == "'" else { break }
                        characters.removeFirst()
                    }
                    literal.append(next)
                }
                continue
            }
            guard character.isASCII, character.isLetter else {
                literal.append(character)
                characters.removeFirst()
                continue
            }
            let width = characters.prefix { $0 == character }.count
            characters.removeFirst(width)
            flushLiteral()
            switch (character, width) {
            case ("d", 1...2): parts.append(.day(width: width))
            case ("M", 1...2), ("L", 1...2): parts.append(.month(width: width))
            case ("M", 3): parts.append(.monthName(formatter.shortMonthSymbols))
            case ("M", 4): parts.append(.monthName(formatter.monthSymbols))
            case ("L", 3): parts.append(.monthName(formatter.shortStandaloneMonthSymbols))
            case ("L", 4): parts.append(.monthName(formatter.standaloneMonthSymbols))
            case ("y", _): parts.append(.year(width: width))
            default: return nil
            }
        }
        flushLiteral()
        for case .monthName(let names) in parts where names.count != 12 { return nil }
        return parts
    }
}
