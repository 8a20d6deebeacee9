/// Renders the pages about many customers: the dashboard, every customer
/// and each of the dashboard's lists page by page, the team and each
/// account manager's page and book, and each document's overview.
///
/// Each page is a `Job` that knows its inputs before it renders, so the
/// builder can reuse an unchanged page and writes each one as soon as it is
/// rendered: no page holds more than `dashboard.page_size` customers, and
/// no more than one rendered page is held at a time.
struct SitePageRenderer: Sendable {
    /// One page to reuse or render.
    struct Job: Sendable {
        var path: String
        var kind: String
        /// What the page is made from (`InputHasher`).
        var inputs: Digest
        var render: @Sendable () throws(Diagnostic) -> String
    }

    let site: LoadedSite
    let today: CalendarDate
    let customers: [CustomerProfile]
    let lists: CustomerLists
    private var rows: [DashboardRow] { lists.rows }
    private var listLimit: Int { site.config.dashboard.listLimit }
    private var pageSize: Int { site.config.dashboard.pageSize }
    /// Each document's recipients (indices into `customers`, in name order),
    /// worked out once: the dashboard counts them, the overview lists them
    /// and the input hash covers them.
    private let recipientIndices: [String: [Int]]

    private typealias Row = TemplateVocabulary.Row
    private typealias Dashboard = TemplateVocabulary.Dashboard
    private typealias Summary = TemplateVocabulary.ListSummary

    init(site: LoadedSite, today: CalendarDate, customers: [CustomerProfile], rows: [DashboardRow]) {
        self.site = site
        self.today = today
        self.customers = customers
        self.lists = CustomerLists(rows: rows)
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

    /// Every site page, in the order they are written.
    func jobs() -> [Job] {
        let shared = site.sharedInputsHash
        let documents = site.newsletters + site.reviews
        let documentsHash = documents.map { $0.sourceHash + ":" + String(recipientIndices[$0.document.path]?.count ?? 0) }
            .joined(separator: ",")
        var jobs: [Job] = []
        // The dashboard shows the capped lists, the counts and the managers.
        let managersShown = lists.managers.prefix(listLimit)
        var dashboardText = shared + "|dashboard|documents=" + documentsHash + "|" + bookFingerprint(lists.all)
        dashboardText += "|managers=" + managersShown.map(managerFingerprint).joined(separator: ";") + "|\(lists.managers.count)"
        jobs.append(Job(path: SitePaths.dashboard, kind: "dashboard", inputs: InputHasher.digest(dashboardText)) { () throws(Diagnostic) in
            try dashboard()
        })
        jobs += bookJobs(lists.all, manager: nil)
        if site.layouts.contains(LayoutName.team) {
            let team = Pagination(total: lists.managers.count, pageSize: pageSize) { SitePaths.team(page: $0) }
            for page in 1...team.pages {
                let shown = lists.managers[team.range(of: page)]
                let text = shared + "|team|\(page)/\(team.pages)|" + shown.map(managerFingerprint).joined(separator: ";")
                jobs.append(Job(path: team.path(page), kind: "team", inputs: InputHasher.digest(text)) { () throws(Diagnostic) in
                    try teamPage(page, of: team)
                })
            }
        }
        if site.layouts.contains(LayoutName.manager) {
            for manager in lists.managers {
                let text = shared + "|manager|" + manager.name + "|" + manager.slug + "|" + bookFingerprint(manager.book)
                jobs.append(
                    Job(path: SitePaths.manager(manager.slug), kind: "manager", inputs: InputHasher.digest(text)) { () throws(Diagnostic) in
                        try managerPage(manager)
                    })
                jobs += bookJobs(manager.book, manager: manager)
            }
        }
        for compiled in documents {
            let recipients = recipientIndices[compiled.document.path] ?? []
            let pagination = Pagination(total: recipients.count, pageSize: pageSize) { SitePaths.overview(compiled.document, page: $0) }
            for page in 1...pagination.pages {
                var text = shared + compiled.sourceHash + "|overview|\(page)/\(pagination.pages)/\(recipients.count)|"
                for index in recipients[pagination.range(of: page)] {
                    let profile = customers[index]
                    text += profile.id + "\u{1F}" + Self.recipientName(profile) + "\u{1F}" + profile.slug + "\n"
                }
                jobs.append(
                    Job(
                        path: pagination.path(page), kind: compiled.document.kind == .review ? "review-overview" : "edition",
                        inputs: InputHasher.digest(text)
                    ) { () throws(Diagnostic) in try edition(compiled, page: page, of: pagination) })
            }
        }
        return jobs
    }

    // MARK: - Pages

    func dashboard() throws(Diagnostic) -> String {
        var page = base(path: SitePaths.dashboard, title: site.config.title)
        addSummary(of: lists.all, manager: nil, to: &page)
        page[Dashboard.managers.key] = .list(lists.managers.prefix(listLimit).map(managerValue))
        page[Dashboard.hasMoreManagers.key] = .bool(lists.managers.count > listLimit)
        page[Dashboard.editions.key] = .list(site.newsletters.reversed().map(overviewEntry))
        page[Dashboard.reviews.key] = .list(site.reviews.reversed().map(overviewEntry))
        page[Dashboard.hasReviews.key] = .bool(!site.reviews.isEmpty)
        return try site.layouts.render(LayoutName.dashboard, page, path: LayoutName.path(LayoutName.dashboard))
    }

    private func managerPage(_ manager: CustomerLists.Manager) throws(Diagnostic) -> String {
        let path = SitePaths.manager(manager.slug)
        var page = base(path: path, title: "\(manager.name) — \(site.config.title)")
        addSummary(of: manager.book, manager: manager, to: &page)
        page[Dashboard.manager.key] = managerValue(manager)
        return try site.layouts.render(LayoutName.manager, page, path: LayoutName.path(LayoutName.manager))
    }

    private func teamPage(_ number: Int, of pagination: Pagination) throws(Diagnostic) -> String {
        typealias Team = TemplateVocabulary.Team
        var page = base(path: pagination.path(number), title: "Team — \(site.config.title)")
        page[Team.managers.key] = .list(lists.managers[pagination.range(of: number)].map(managerValue))
        page[Team.pagination.key] = pagination.value(for: number)
        return try site.layouts.render(LayoutName.team, page, path: LayoutName.path(LayoutName.team))
    }

    /// The pages of one list of customers (`customers` layout).
    private func customerListPage(
        _ entries: [Int], heading: String, list: String, manager: CustomerLists.Manager?, number: Int, of pagination: Pagination
    ) throws(Diagnostic) -> String {
        typealias List = TemplateVocabulary.CustomerList
        var page = base(path: pagination.path(number), title: "\(heading) — \(site.config.title)")
        page[List.heading.key] = .text(heading)
        page[List.list.key] = .text(list)
        page[List.customers.key] = .list(entries[pagination.range(of: number)].map { rows[$0].model })
        page[List.pagination.key] = pagination.value(for: number)
        if let manager { page[List.manager.key] = managerValue(manager) }
        return try site.layouts.render(LayoutName.customers, page, path: LayoutName.path(LayoutName.customers))
    }

    func edition(_ compiled: CompiledDocument, page number: Int, of pagination: Pagination) throws(Diagnostic) -> String {
        typealias Edition = TemplateVocabulary.Edition
        typealias Field = TemplateVocabulary.Document
        let document = compiled.document
        let title = compiled.genericTitle
        var page = base(path: pagination.path(number), title: title)
        var model = ViewModel(capacity: 8)
        model[Field.title.key] = .text(title)
        model[Field.edition.key] = .text(document.name)
        model[Field.kind.key] = .text(document.kind.rawValue)
        model[Field.dateISO.key] = .text(compiled.date.description)
        model[Field.date.key] = .text(LocaleFormatter().longDate(compiled.date, locale: site.config.locale))
        model[Field.subject.key] = .text(document.frontMatter.subject ?? title)
        if let preheader = document.frontMatter.preheader { model[Field.preheader.key] = .text(preheader) }
        if let period = compiled.period {
            model[Field.period.key] = .text(period.name)
            page[Edition.period.key] = [TemplateVocabulary.Period.name.name: .text(period.name), TemplateVocabulary.Period.label.name: .text(period.label)]
        }
        page[Edition.document.key] = .object(model)
        page[Edition.audience.key] = .text(document.frontMatter.audience.description)
        let recipients = recipientIndices[document.path] ?? []
        page[Edition.recipientCount.key] = .text(String(recipients.count))
        page[Edition.recipients.key] = .list(
            recipients[pagination.range(of: number)].map { index -> TemplateValue in
                let profile = customers[index]
                var recipient = ViewModel(capacity: 5)
                recipient.append(Edition.id.key, .text(profile.id))
                recipient.append(Edition.name.key, .text(Self.recipientName(profile)))
                recipient.append(Edition.url.key, .text(SitePaths.documentFile(profile.slug, document)))
                recipient.append(Edition.printURL.key, .text(SitePaths.printFile(profile.slug, document)))
                recipient.append(Edition.hubURL.key, .text(SitePaths.hub(profile.slug)))
                return .object(recipient)
            })
        page[Edition.pagination.key] = pagination.value(for: number)
        return try site.layouts.render(LayoutName.edition, page, path: LayoutName.path(LayoutName.edition))
    }

    // MARK: - Parts of pages

    /// The jobs of a book's paginated lists: everyone by name, and each of the dashboard's lists.
    private func bookJobs(_ book: CustomerLists.Book, manager: CustomerLists.Manager?) -> [Job] {
        var jobs: [Job] = []
        let owner = manager.map { "|manager=" + $0.name + "/" + $0.slug } ?? ""
        let everyone = Pagination(total: book.byName.count, pageSize: pageSize) { number in
            manager.map { SitePaths.managerBook($0.slug, page: number) } ?? SitePaths.customers(page: number)
        }
        let heading = manager.map { "\($0.name)'s customers" } ?? "All customers"
        var all: [(entries: [Int], list: String, heading: String, pagination: Pagination)] = [(book.byName, "customers", heading, everyone)]
        for kind in CustomerLists.Kind.allCases {
            let entries = book.list(kind)
            let pagination = Pagination(total: entries.count, pageSize: pageSize) { SitePaths.list(kind.rawValue, manager: manager?.slug, page: $0) }
            all.append((entries, kind.rawValue, kind.heading, pagination))
        }
        for (entries, list, heading, pagination) in all {
            for number in 1...pagination.pages {
                let text = site.sharedInputsHash + "|list=" + list + owner + "|\(number)/\(pagination.pages)/\(entries.count)|"
                    + entries[pagination.range(of: number)].map { lists.fingerprints[$0].description }.joined(separator: "\n")
                jobs.append(Job(path: pagination.path(number), kind: "customers", inputs: InputHasher.digest(text)) { () throws(Diagnostic) in
                    try customerListPage(entries, heading: heading, list: list, manager: manager, number: number, of: pagination)
                })
            }
        }
        return jobs
    }

    /// `counts`, the capped lists with where they continue, `customers_url` and `today`.
    private func addSummary(of book: CustomerLists.Book, manager: CustomerLists.Manager?, to page: inout ViewModel) {
        typealias Counts = TemplateVocabulary.Counts
        page[Dashboard.counts.key] = .object([
            Counts.customers.name: .text(String(book.byName.count)),
            Counts.atRisk.name: .text(String(book.atRisk.count)),
            Counts.watch.name: .text(String(book.watch)),
            Counts.healthy.name: .text(String(book.healthy)),
            Counts.dueForCheckin.name: .text(String(book.dueForCheckin.count)),
            Counts.renewalDue.name: .text(String(book.renewals.count)),
        ])
        var summaries = ViewModel(capacity: 3)
        for (kind, field) in [(CustomerLists.Kind.dueForCheckin, Dashboard.dueForCheckin), (.renewals, Dashboard.renewals), (.atRisk, Dashboard.atRisk)] {
            let entries = book.list(kind)
            page[field.key] = .list(entries.prefix(listLimit).map { rows[$0].model })
            var summary = ViewModel(capacity: 4)
            summary.append(Summary.total.key, .text(String(entries.count)))
            summary.append(Summary.more.key, .text(String(max(0, entries.count - listLimit))))
            summary.append(Summary.hasMore.key, .bool(entries.count > listLimit))
            summary.append(Summary.url.key, .text(SitePaths.list(kind.rawValue, manager: manager?.slug, page: 1)))
            summaries.append(field.key, .object(summary))
        }
        page[Dashboard.lists.key] = .object(summaries)
        page[Dashboard.customersURL.key] = .text(manager.map { SitePaths.managerBook($0.slug, page: 1) } ?? SitePaths.customers(page: 1))
        page[Dashboard.teamURL.key] = .text(SitePaths.team(page: 1))
        page[Dashboard.today.key] = .text(today.description)
    }

    private func managerValue(_ manager: CustomerLists.Manager) -> TemplateValue {
        typealias Field = TemplateVocabulary.Manager
        var model = ViewModel(capacity: Field.fields.count)
        model.append(Field.name.key, .text(manager.name))
        model.append(Field.slug.key, .text(manager.slug))
        model.append(Field.url.key, .text(SitePaths.manager(manager.slug)))
        model.append(Field.customers.key, .text(String(manager.book.byName.count)))
        model.append(Field.dueForCheckin.key, .text(String(manager.book.dueForCheckin.count)))
        model.append(Field.renewalDue.key, .text(String(manager.book.renewals.count)))
        model.append(Field.atRisk.key, .text(String(manager.book.atRisk.count)))
        return .object(model)
    }

    private func managerFingerprint(_ manager: CustomerLists.Manager) -> String {
        "\(manager.name)/\(manager.slug)/\(manager.book.byName.count)/\(manager.book.dueForCheckin.count)/\(manager.book.renewals.count)/\(manager.book.atRisk.count)"
    }

    /// What a summary of `book` shows: its counts and the first rows of each capped list.
    private func bookFingerprint(_ book: CustomerLists.Book) -> String {
        var text = "\(book.byName.count)/\(book.atRisk.count)/\(book.watch)/\(book.healthy)/\(book.dueForCheckin.count)/\(book.renewals.count)"
        for kind in CustomerLists.Kind.allCases {
            text += "|" + book.list(kind).prefix(listLimit).map { lists.fingerprints[$0].description }.joined(separator: "\n")
        }
        return text + "|today=\(today)"
    }

    private func overviewEntry(_ compiled: CompiledDocument) -> TemplateValue {
        typealias Field = TemplateVocabulary.Overview
        var entry = ViewModel(capacity: Field.fields.count)
        entry.append(Field.edition.key, .text(compiled.document.name))
        entry.append(Field.name.key, .text(compiled.document.name))
        entry.append(Field.title.key, .text(compiled.genericTitle))
        entry.append(Field.url.key, .text(SitePaths.overview(compiled.document)))
        entry.append(Field.recipientCount.key, .text(String(recipientIndices[compiled.document.path]?.count ?? 0)))
        if let period = compiled.period { entry.append(Field.periodLabel.key, .text(period.label)) }
        return .object(entry)
    }

    /// A document's title for pages about all its readers: a title that
    /// greets each customer by name has no single text, so it gives way to
    /// the period or edition.
    /// Worked out once per document at load (`CompiledDocument.genericTitle`).
    static func genericTitle(_ document: ContentDocument, period: ReviewPeriod?) -> String {
        if let title = document.frontMatter.title, !title.contains("{{") { return title }
        if let period { return "Review \(period.label)" }
        return "Newsletter \(document.name)"
    }

    /// Names sort ignoring case and accents ("Bäckerei" beside "Backhaus").
    /// An ASCII name folds to its lower case (checked for every ASCII
    /// character), which the standard library makes without Foundation:
    /// folding every customer's name was 1.2% of a build's CPU.
    static func sortKey(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.lowercased() }
        return name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func recipientName(_ profile: CustomerProfile) -> String {
        profile.text("name") ?? profile.text("company") ?? profile.id
    }

    private func base(path: String, title: String) -> ViewModel {
        typealias Common = TemplateVocabulary.Common
        var page = ViewModel(capacity: 16)
        page.append(Common.site.key, .object(ViewModelBuilder(config: site.config, today: today, formatter: LocaleFormatter()).site()))
        page.append(Common.root.key, .text(Pagination.root(of: path)))
        page.append(Common.lang.key, .text(site.config.locale))
        page.append(Common.pageTitle.key, .text(title))
        page.append(Common.generator.key, .text(PageRenderer.generator))
        return page
    }
}
