/// Renders the pages about the whole site: the team dashboard and each
/// edition's overview.
struct SitePageRenderer {
    let site: LoadedSite
    let today: CalendarDate
    let customers: [CustomerProfile]
    let rows: [DashboardRow]
    /// Each document's recipients (indices into `customers`, in name order),
    /// worked out once: the dashboard counts them, the overview lists them
    /// and the input hash covers them.
    private let recipientIndices: [String: [Int]]

    init(site: LoadedSite, today: CalendarDate, customers: [CustomerProfile], rows: [DashboardRow]) {
        self.site = site
        self.today = today
        self.customers = customers
        self.rows = rows
        var recipientIndices: [String: [Int]] = [:]
        for compiled in site.newsletters + site.reviews {
            recipientIndices[compiled.document.path] = customers.indices
                .filter { compiled.document.frontMatter.audience.includes(customers[$0].record.fields) }
                .map { (key: Self.sortKey(customers[$0].text("name") ?? customers[$0].id), id: customers[$0].id, index: $0) }
                .sorted { ($0.key, $0.id) < ($1.key, $1.id) }
                .map(\.index)
        }
        self.recipientIndices = recipientIndices
    }

    func dashboard() throws(Diagnostic) -> String {
        let byName = rows.sorted { Self.nameKey($0) < Self.nameKey($1) }
        // Longest without contact first; never contacted counts as longest.
        let due = rows.filter { $0.flag("due_for_checkin") }
            .sorted { Self.overdueKey($0) < Self.overdueKey($1) }
        let renewals = rows.filter { $0.flag("renewal_due") }
            .sorted { Self.renewalKey($0) < Self.renewalKey($1) }
        let atRisk = byName.filter { $0.value("health") == "at_risk" }
        var page = base(root: "", title: site.config.title)
        page["customers"] = DashboardRowModels(rows: byName)
        page["due_for_checkin"] = DashboardRowModels(rows: due)
        page["renewals"] = DashboardRowModels(rows: renewals)
        page["at_risk"] = DashboardRowModels(rows: atRisk)
        let watchCount = rows.filter { $0.value("health") == "watch" }.count
        let healthyCount = rows.filter { $0.value("health") == "healthy" }.count
        let counts: [String: String] = [
            "customers": String(rows.count),
            "at_risk": String(atRisk.count),
            "watch": String(watchCount),
            "healthy": String(healthyCount),
            "due_for_checkin": String(due.count),
            "renewal_due": String(renewals.count),
        ]
        page["counts"] = counts
        page["editions"] = site.newsletters.reversed().map(overviewEntry)
        page["reviews"] = site.reviews.reversed().map(overviewEntry)
        page["has_reviews"] = !site.reviews.isEmpty
        page["today"] = today.description
        return try site.layouts.render("index", page, path: "Layouts/index.mustache")
    }

    func edition(_ compiled: CompiledDocument) throws(Diagnostic) -> String {
        let document = compiled.document
        let title = Self.genericTitle(compiled)
        var page = base(root: "../../", title: title)
        var model: ViewModel = [
            "title": title,
            "edition": document.name,
            "kind": document.kind.rawValue,
            "date_iso": compiled.date.description,
            "date": LocaleFormatter().longDate(compiled.date, locale: site.config.locale),
            "subject": document.frontMatter.subject ?? title,
        ]
        if let preheader = document.frontMatter.preheader { model["preheader"] = preheader }
        if let period = compiled.period {
            model["period"] = period.name
            page["period"] = ["name": period.name, "label": period.label] as ViewModel
        }
        page["document"] = model
        page["audience"] = document.frontMatter.audience.description
        let recipients = recipients(of: compiled)
        page["recipient_count"] = String(recipients.count)
        page["recipients"] = recipients.map { profile -> ViewModel in
            [
                "id": profile.id,
                "name": Self.recipientName(profile),
                "url": SitePaths.documentFile(profile.slug, document),
                "print_url": SitePaths.printFile(profile.slug, document),
                "hub_url": SitePaths.hub(profile.slug),
            ]
        }
        return try site.layouts.render("edition", page, path: "Layouts/edition.mustache")
    }

    // MARK: - Private

    /// A document's title for pages about all its readers: a title that
    /// greets each customer by name has no single text, so it gives way to
    /// the period or edition.
    static func genericTitle(_ compiled: CompiledDocument) -> String {
        if let title = compiled.document.frontMatter.title, !title.contains("{{") { return title }
        if let period = compiled.period { return "Review \(period.label)" }
        return "Newsletter \(compiled.document.name)"
    }

    private func overviewEntry(_ compiled: CompiledDocument) -> ViewModel {
        var entry: ViewModel = [
            "edition": compiled.document.name,
            "name": compiled.document.name,
            "title": Self.genericTitle(compiled),
            "url": SitePaths.overview(compiled.document),
            "recipient_count": String(recipientIndices[compiled.document.path]?.count ?? 0),
        ]
        if let period = compiled.period { entry["period_label"] = period.label }
        return entry
    }

    private static func nameKey(_ row: DashboardRow) -> (String, String) {
        (row.value("sort_key") ?? "", row.value("id") ?? "")
    }

    /// Names sort ignoring case and accents ("Bäckerei" beside "Backhaus").
    static func sortKey(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func overdueKey(_ row: DashboardRow) -> (Int, String) {
        let days = Int(row.value("days_since_contact") ?? "") ?? Int.max
        return (-days, row.value("id") ?? "")
    }

    private static func renewalKey(_ row: DashboardRow) -> (Int, String) {
        (Int(row.value("days_to_renewal") ?? "") ?? 0, row.value("id") ?? "")
    }

    /// Everything of the customers an edition page lists that shows on it,
    /// so an unchanged page can be reused by the next build.
    func recipientsFingerprint(of compiled: CompiledDocument) -> String {
        var text = ""
        for profile in recipients(of: compiled) {
            text += profile.id + "\u{1F}" + Self.recipientName(profile) + "\u{1F}" + profile.slug + "\n"
        }
        return InputHasher.hash(text)
    }

    private static func recipientName(_ profile: CustomerProfile) -> String {
        profile.text("name") ?? profile.text("company") ?? profile.id
    }

    private func recipients(of compiled: CompiledDocument) -> [CustomerProfile] {
        (recipientIndices[compiled.document.path] ?? []).map { customers[$0] }
    }

    private func base(root: String, title: String) -> ViewModel {
        [
            "site": ViewModelBuilder(config: site.config, today: today, formatter: LocaleFormatter()).site(),
            "root": root,
            "lang": site.config.locale,
            "page_title": title,
            "generator": "rapport \(RapportVersion.current)",
        ]
    }
}
