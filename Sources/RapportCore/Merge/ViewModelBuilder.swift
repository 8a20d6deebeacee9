import Foundation

/// Builds the view model of docs/template-variables.md for one customer.
///
/// Empty values are left out (not set to ""), so `{{#customer.x}}` sections
/// are false for them and the field check can name the customer.
struct ViewModelBuilder {
    let config: SiteConfig
    let today: CalendarDate
    let formatter: LocaleFormatter

    private typealias Customer = TemplateVocabulary.Customer
    private typealias Content = TemplateVocabulary.Content

    /// `customer`, `sender` and `site` for one customer.
    func customerScope(for profile: CustomerProfile) -> ViewModel {
        var scope = ViewModel(capacity: 8)
        scope.append(Content.customer.key, .object(customer(profile)))
        scope.append(Content.sender.key, .object(sender(profile)))
        scope.append(Content.site.key, .object(site()))
        return scope
    }

    /// `document` for one newsletter as this customer sees it.
    func document(_ document: ContentDocument, date: CalendarDate, locale: String) -> ViewModel {
        typealias Field = TemplateVocabulary.Document
        var model = ViewModel(capacity: 8)
        model.append(Field.title.key, .text(document.frontMatter.title ?? document.name))
        model.append(Field.edition.key, .text(document.name))
        model.append(Field.kind.key, .text(document.kind.rawValue))
        model.append(Field.date.key, .text(formatter.longDate(date, locale: locale)))
        model.append(Field.dateISO.key, .text(date.description))
        model.append(Field.subject.key, .text(document.frontMatter.subject ?? document.frontMatter.title ?? document.name))
        if let preheader = document.frontMatter.preheader, !preheader.isEmpty { model.append(Field.preheader.key, .text(preheader)) }
        return model
    }

    func site() -> ViewModel {
        typealias Field = TemplateVocabulary.Site
        var model = ViewModel(capacity: 5)
        model.append(Field.title.key, .text(config.title))
        model.append(Field.locale.key, .text(config.locale))
        model.append(Field.currency.key, .text(config.currency))
        model.append(Field.year.key, .text(String(today.year)))
        if !config.baseURL.isEmpty { model.append(Field.baseURL.key, .text(config.baseURL)) }
        return model
    }

    func customer(_ profile: CustomerProfile) -> ViewModel {
        var model = Self.convert(profile.record.fields, extraCapacity: Customer.computed.count)
        model[Customer.id.key] = .text(profile.id)
        model[Customer.slug.key] = .text(profile.slug)
        model[Customer.locale.key] = .text(profile.locale)
        model[Customer.currency.key] = .text(profile.currency)
        if let name = profile.text("name") ?? profile.text("company") { model[Customer.name.key] = .text(name) }
        if let firstName = profile.text("first_name") ?? profile.text("contact_name").flatMap(Self.firstWord) {
            model[Customer.firstName.key] = .text(firstName)
        }
        addDate(profile.startDate, Customer.startDate, Customer.startDateISO, to: &model, locale: profile.locale)
        addDate(profile.renewalDate, Customer.renewalDate, Customer.renewalDateISO, to: &model, locale: profile.locale)
        addDate(profile.lastContact, Customer.lastContact, Customer.lastContactISO, to: &model, locale: profile.locale)
        if let mrr = profile.mrr {
            model[Customer.mrr.key] = .text(formatter.money(mrr, currency: profile.currency, locale: profile.locale))
            model[Customer.mrrValue.key] = profile.text("mrr").map(TemplateValue.text)
        }
        if let start = profile.startDate {
            model[Customer.tenure.key] = .text(Self.tenure(from: start, to: today))
            let age = start.days(until: today)
            model[Customer.isNew.key] = .bool(age >= 0 && age <= config.thresholds.newCustomerDays)
        } else {
            model[Customer.isNew.key] = .bool(false)
        }
        if let renewal = profile.renewalDate {
            let days = today.days(until: renewal)
            model[Customer.daysToRenewal.key] = .text(String(days))
            model[Customer.renewalDue.key] = .bool(days <= config.thresholds.renewalWindowDays)
        } else {
            model[Customer.renewalDue.key] = .bool(false)
        }
        if let health = Self.health(profile.healthScore, thresholds: config.thresholds) {
            model[Customer.health.key] = .text(health.rawValue)
            model[Customer.healthLabel.key] = .text(health.label)
        }
        if let last = profile.lastContact {
            let days = last.days(until: today)
            model[Customer.daysSinceContact.key] = .text(String(days))
            model[Customer.dueForCheckin.key] = .bool(days > config.thresholds.checkinCadenceDays)
        } else {
            model[Customer.dueForCheckin.key] = .bool(true)
        }
        return model
    }

    func sender(_ profile: CustomerProfile) -> ViewModel {
        typealias Field = TemplateVocabulary.Sender
        var model = ViewModel(capacity: 4)
        if let name = profile.text("account_manager") ?? nonEmpty(config.sender.name) {
            model.append(Field.name.key, .text(name))
            if let first = Self.firstWord(name) { model.append(Field.firstName.key, .text(first)) }
        }
        if let email = profile.text("account_manager_email") ?? nonEmpty(config.sender.email) {
            model.append(Field.email.key, .text(email))
        }
        model.append(Field.company.key, .text(nonEmpty(config.sender.company) ?? config.title))
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

    /// The first name in a person's name: its first word, or, for a CRM's
    /// "Smith, Jane", the first word after the comma ("Smith," is no greeting).
    static func firstWord(_ text: String) -> String? {
        if let comma = text.firstIndex(of: ","),
            let given = text[text.index(after: comma)...].split(whereSeparator: { $0.isWhitespace }).first
        {
            return String(given)
        }
        return text.split(whereSeparator: { $0.isWhitespace }).first.map(String.init)
    }

    /// Record values as template values; empty text and nulls are left out.
    static func convert(_ object: RecordObject, extraCapacity: Int = 0) -> ViewModel {
        var model = ViewModel(capacity: object.count + extraCapacity)
        for (key, item) in zip(object.templateKeys, object.items) {
            if let value = convert(item) { model.append(key, value) }
        }
        return model
    }

    static func convert(_ value: RecordValue) -> TemplateValue? {
        switch value {
        case .text(let text):
            return text.isBlank ? nil : .text(text)
        case .list(let items):
            let converted = items.compactMap(convert)
            return converted.isEmpty ? nil : .list(converted)
        case .object(let object):
            let converted = convert(object)
            return converted.count == 0 ? nil : .object(converted)
        case .null:
            return nil
        }
    }

    // MARK: - Private

    private func addDate(_ date: CalendarDate?, _ field: TemplateField, _ isoField: TemplateField, to model: inout ViewModel, locale: String) {
        guard let date else { return }
        model[field.key] = .text(formatter.longDate(date, locale: locale))
        model[isoField.key] = .text(date.description)
    }

    private func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
