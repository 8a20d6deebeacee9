import Foundation

/// Builds the view model of docs/template-variables.md for one customer.
///
/// Empty values are left out (not set to ""), so `{{#customer.x}}` sections
/// are false for them and the field check can name the customer.
struct ViewModelBuilder {
    let config: SiteConfig
    let today: CalendarDate
    let formatter: LocaleFormatter

    /// `customer`, `sender` and `site` for one customer.
    func customerScope(for profile: CustomerProfile) -> ViewModel {
        [
            "customer": customer(profile),
            "sender": sender(profile),
            "site": site(),
        ]
    }

    /// `document` for one newsletter as this customer sees it.
    func document(_ document: ContentDocument, date: CalendarDate, locale: String) -> ViewModel {
        var model: ViewModel = [
            "title": document.frontMatter.title ?? document.name,
            "edition": document.name,
            "kind": document.kind.rawValue,
            "date": formatter.longDate(date, locale: locale),
            "date_iso": date.description,
        ]
        model["subject"] = document.frontMatter.subject ?? document.frontMatter.title ?? document.name
        if let preheader = document.frontMatter.preheader, !preheader.isEmpty { model["preheader"] = preheader }
        return model
    }

    func site() -> ViewModel {
        var model: ViewModel = [
            "title": config.title,
            "locale": config.locale,
            "currency": config.currency,
            "year": String(today.year),
        ]
        if !config.baseURL.isEmpty { model["base_url"] = config.baseURL }
        return model
    }

    func customer(_ profile: CustomerProfile) -> ViewModel {
        var model = Self.convert(profile.record.fields)
        model["id"] = profile.id
        model["slug"] = profile.slug
        model["locale"] = profile.locale
        model["currency"] = profile.currency
        if let name = profile.text("name") ?? profile.text("company") { model["name"] = name }
        if let firstName = profile.text("first_name") ?? profile.text("contact_name").flatMap(Self.firstWord) {
            model["first_name"] = firstName
        }
        addDate(profile.startDate, "start_date", to: &model, locale: profile.locale)
        addDate(profile.renewalDate, "renewal_date", to: &model, locale: profile.locale)
        addDate(profile.lastContact, "last_contact", to: &model, locale: profile.locale)
        if let mrr = profile.mrr {
            model["mrr"] = formatter.money(mrr, currency: profile.currency, locale: profile.locale)
            model["mrr_value"] = profile.text("mrr")
        }
        if let start = profile.startDate {
            model["tenure"] = Self.tenure(from: start, to: today)
            let age = start.days(until: today)
            model["is_new"] = age >= 0 && age <= config.thresholds.newCustomerDays
        } else {
            model["is_new"] = false
        }
        if let renewal = profile.renewalDate {
            let days = today.days(until: renewal)
            model["days_to_renewal"] = String(days)
            model["renewal_due"] = days <= config.thresholds.renewalWindowDays
        } else {
            model["renewal_due"] = false
        }
        if let health = Self.health(profile.healthScore, thresholds: config.thresholds) {
            model["health"] = health.rawValue
            model["health_label"] = health.label
        }
        if let last = profile.lastContact {
            let days = last.days(until: today)
            model["days_since_contact"] = String(days)
            model["due_for_checkin"] = days > config.thresholds.checkinCadenceDays
        } else {
            model["due_for_checkin"] = true
        }
        return model
    }

    func sender(_ profile: CustomerProfile) -> ViewModel {
        var model: ViewModel = [:]
        if let name = profile.text("account_manager") ?? nonEmpty(config.sender.name) {
            model["name"] = name
            model["first_name"] = Self.firstWord(name)
        }
        if let email = profile.text("account_manager_email") ?? nonEmpty(config.sender.email) {
            model["email"] = email
        }
        model["company"] = nonEmpty(config.sender.company) ?? config.title
        return model
    }

    // MARK: - Computed values

    /// Health bands from the score: below `at_risk` is at risk, below `watch` is watch.
    enum Health: String {
        case healthy
        case watch
        case atRisk = "at_risk"

        var label: String {
            switch self {
            case .healthy: return "Healthy"
            case .watch: return "Watch"
            case .atRisk: return "At risk"
            }
        }
    }

    static func health(_ score: Double?, thresholds: SiteConfig.Thresholds) -> Health? {
        guard let score else { return nil }
        if score < Double(thresholds.healthAtRisk) { return .atRisk }
        if score < Double(thresholds.healthWatch) { return .watch }
        return .healthy
    }

    /// "3 years", "1 year", "5 months", "12 days" since `start`.
    static func tenure(from start: CalendarDate, to today: CalendarDate) -> String {
        let months = start.completedMonths(until: today)
        if months >= 12 { return plural(months / 12, "year") }
        if months >= 1 { return plural(months, "month") }
        return plural(max(0, start.days(until: today)), "day")
    }

    static func plural(_ count: Int, _ unit: String) -> String {
        "\(count) \(unit)\(count == 1 ? "" : "s")"
    }

    static func firstWord(_ text: String) -> String? {
        text.split(whereSeparator: { $0.isWhitespace }).first.map(String.init)
    }

    /// Record values as template values; empty text and nulls are left out.
    static func convert(_ object: RecordObject) -> ViewModel {
        var model: ViewModel = [:]
        for key in object.keys {
            if let value = object[key].flatMap(convert) { model[key] = value }
        }
        return model
    }

    static func convert(_ value: RecordValue) -> Any? {
        switch value {
        case .text(let text):
            return text.isBlank ? nil : text
        case .list(let items):
            let converted = items.compactMap(convert)
            return converted.isEmpty ? nil : converted
        case .object(let object):
            let converted = convert(object)
            return converted.isEmpty ? nil : converted
        case .null:
            return nil
        }
    }

    // MARK: - Private

    private func addDate(_ date: CalendarDate?, _ name: String, to model: inout ViewModel, locale: String) {
        guard let date else { return }
        model[name] = formatter.longDate(date, locale: locale)
        model["\(name)_iso"] = date.description
    }

    private func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}

extension ViewModelBuilder {
    /// Names `customer(_:)` adds on top of the record's own fields.
    static let computedCustomerFields = [
        "id", "slug", "locale", "currency", "name", "first_name",
        "start_date", "start_date_iso", "renewal_date", "renewal_date_iso", "last_contact", "last_contact_iso",
        "mrr", "mrr_value", "tenure", "is_new", "days_to_renewal", "renewal_due", "health", "health_label",
        "days_since_contact", "due_for_checkin",
    ]
}
