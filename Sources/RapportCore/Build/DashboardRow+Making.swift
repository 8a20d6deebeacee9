import Dispatch

extension DashboardRow {
    static let textFields = [
        "id", "name", "plan", "mrr", "mrr_value", "health", "health_label", "health_score", "renewal_date",
        "renewal_date_iso", "days_to_renewal", "last_contact", "last_contact_iso", "days_since_contact",
        "account_manager", "contact_name", "email", "locale",
    ]
    static let flagFields = ["renewal_due", "due_for_checkin", "is_new"]

    /// The dashboard's view of a customer, taken from their view model.
    init(scope: ViewModel, profile: CustomerProfile, cadence: Int) {
        let customer = scope[TemplateVocabulary.Content.customer.key]?.object ?? ViewModel()
        var values: [String: String] = [:]
        for field in Self.textFields {
            if let text = customer[field]?.text { values[field] = text }
        }
        values["hub_url"] = SitePaths.hub(profile.slug)
        values["name"] = values["name"] ?? profile.id
        values["sort_key"] = SitePageRenderer.sortKey(values["name"]!)
        if customer[TemplateVocabulary.Customer.dueForCheckin.key]?.flag == true {
            // Never contacted has no number: the layout says so in words.
            values["days_overdue"] = values["days_since_contact"].flatMap(Int.init).map { String(max(0, $0 - cadence)) }
        }
        var flags: [String: Bool] = [:]
        for field in Self.flagFields { flags[field] = customer[field]?.flag ?? false }
        flags["at_risk"] = values["health"] == "at_risk"
        self.init(values: values, flags: flags)
    }
}

extension DashboardRow {
    /// Every customer's row, in customer order, from their own values alone
    /// (no page rendered): what `rapport merge` lists on the site pages.
    static func rows(for site: LoadedSite, today: CalendarDate, jobs: Int) -> [DashboardRow] {
        let total = site.customers.count
        let results = ResultSlots<DashboardRow>(count: total)
        // One renderer per worker: the formatters it caches are not thread-safe.
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, total))) { _ in
            let renderer = PageRenderer(site: site, today: today)
            while let index = results.claimNext() {
                let profile = site.customers[index]
                let scope = renderer.scope(for: profile)
                results.set(DashboardRow(scope: scope, profile: profile, cadence: site.config.thresholds.checkinCadenceDays), at: index)
            }
        }
        return results.values()
    }
}
