import Foundation

extension CustomerProfile {
    /// The typed fields rapport knows; each must parse when present.
    public static let dateFields = ["start_date", "renewal_date", "last_contact"]

    /// Types the known fields of `record`; a value that does not parse is an
    /// error at the field's own location, naming the customer.
    public static func make(
        from record: CustomerRecord,
        slug: String,
        config: SiteConfig
    ) -> (CustomerProfile?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var profile = CustomerProfile(
            record: record, slug: slug, locale: config.locale, currency: config.currency)

        func location(_ field: String) -> SourceLocation {
            record.fieldLocation(field) ?? record.location
        }
        func fail(_ field: String, _ message: String) {
            problems.append(.error(message, at: location(field), customer: record.id))
        }

        if let locale = profile.text("locale") {
            if Self.isLocaleIdentifier(locale) {
                profile.locale = locale
            } else {
                fail("locale", "locale \"\(locale)\" is not a locale such as en-US or de-DE")
            }
        }
        if let currency = profile.text("currency") {
            if currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) {
                profile.currency = currency.uppercased()
            } else {
                fail("currency", "currency \"\(currency)\" is not a three-letter code such as USD or EUR")
            }
        }
        for field in dateFields {
            guard let text = profile.text(field) else { continue }
            guard let date = CalendarDate(iso: text) else {
                fail(field, "\(field) \"\(text)\" is not a date written YYYY-MM-DD")
                continue
            }
            switch field {
            case "start_date": profile.startDate = date
            case "renewal_date": profile.renewalDate = date
            default: profile.lastContact = date
            }
        }
        if let text = profile.text("mrr") {
            if let value = Self.plainDecimal(text) {
                profile.mrr = value
            } else {
                fail("mrr", "mrr \"\(text)\" is not a plain number such as 1250 or 1250.50 (no currency signs or thousands separators)")
            }
        }
        if let text = profile.text("health_score") {
            if let value = Self.plainDecimal(text).map({ NSDecimalNumber(decimal: $0).doubleValue }) {
                profile.healthScore = value
            } else {
                fail("health_score", "health_score \"\(text)\" is not a number")
            }
        }
        if let text = profile.text("nps") {
            if let value = Int(text), (-100...100).contains(value) {
                profile.nps = value
            } else {
                fail("nps", "nps \"\(text)\" is not a whole number from -100 to 100")
            }
        }
        for field in profile.record.fields.keys where isURLField(field) {
            guard let text = profile.text(field), !isSafeURL(text) else { continue }
            problems.append(
                .warning(
                    "\(field) \"\(text)\" is not an http, https or mailto URL; it is left out",
                    at: location(field), customer: record.id))
            profile.record.fields[field] = .null
        }
        let hasErrors = problems.contains { $0.severity == .error }
        return (hasErrors ? nil : profile, problems)
    }

    /// Columns that hold links: their values end up in `href`s, so only
    /// http, https and mailto survive (a `javascript:` URL in a CRM export
    /// must never become a clickable link).
    static func isURLField(_ field: String) -> Bool {
        urlFieldNames.contains { field == $0 } || urlFieldSuffixes.contains { field.hasSuffix($0) }
    }

    /// Made once: asked of every column of every customer, the suffixes
    /// built anew each time were most of the check.
    private static let urlFieldNames = ["url", "website", "link", "href", "homepage"]
    private static let urlFieldSuffixes = urlFieldNames.map { "_" + $0 }

    static func isSafeURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["http://", "https://", "mailto:"].contains { lowered.hasPrefix($0) }
    }

    // MARK: - Private

    /// Accepts `-1234.5` and nothing cleverer: a comma or a currency sign in
    /// a number is ambiguous across locales, so it is an error, not a guess.
    static func plainDecimal(_ text: String) -> Decimal? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Decimal(string: text, locale: posixLocale)
    }

    /// Made once rather than for every number of every customer.
    private static let posixLocale = Locale(identifier: "en_US_POSIX")

    static func isLocaleIdentifier(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
