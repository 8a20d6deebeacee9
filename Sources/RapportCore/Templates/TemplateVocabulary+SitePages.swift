/// The names of the pages about many customers: the dashboard, the
/// paginated lists, the team and each manager's book, and an edition's
/// overview. None of these pages grows with the number of customers beyond
/// `dashboard.list_limit` or `dashboard.page_size` (rapport.yml).
extension TemplateVocabulary {
    /// One customer in a list of customers.
    enum Row {
        static let id = TemplateField("id", example: "C-1001", "")
        static let name = TemplateField("name", example: "Acme Analytics", "the customer's name, else its id")
        static let plan = TemplateField("plan", example: "pro", "")
        static let mrr = TemplateField("mrr", example: "$1,250.00", "formatted for the customer's locale")
        static let mrrValue = TemplateField("mrr_value", example: "1250", "")
        static let health = TemplateField("health", example: "healthy / watch / at_risk", "")
        static let healthLabel = TemplateField("health_label", example: "Healthy / Watch / At risk", "")
        static let healthScore = TemplateField("health_score", example: "82", "")
        static let renewalDate = TemplateField("renewal_date", example: "January 10, 2027", "")
        static let renewalDateISO = TemplateField("renewal_date_iso", example: "2027-01-10", "")
        static let daysToRenewal = TemplateField("days_to_renewal", example: "41", "")
        static let lastContact = TemplateField("last_contact", example: "October 2, 2026", "")
        static let lastContactISO = TemplateField("last_contact_iso", example: "2026-10-02", "")
        static let daysSinceContact = TemplateField("days_since_contact", example: "52", "")
        static let accountManager = TemplateField("account_manager", example: "Maya Lindqvist", "")
        static let contactName = TemplateField("contact_name", example: "Jana Novak", "")
        static let email = TemplateField("email", example: "jana@acme.example", "")
        static let locale = TemplateField("locale", example: "de-DE", "")
        static let hubURL = TemplateField("hub_url", example: "customers/c-1001/index.html", "the customer's hub")
        static let daysOverdue = TemplateField("days_overdue", example: "7", "days past the check-in cadence; absent when never contacted")
        static let renewalDue = TemplateField("renewal_due", .flag, "")
        static let dueForCheckin = TemplateField("due_for_checkin", .flag, "")
        static let isNew = TemplateField("is_new", .flag, "")
        static let atRisk = TemplateField("at_risk", .flag, "")
        static let fields = [
            id, name, plan, mrr, mrrValue, health, healthLabel, healthScore, renewalDate, renewalDateISO, daysToRenewal,
            lastContact, lastContactISO, daysSinceContact, accountManager, contactName, email, locale, hubURL, daysOverdue,
            renewalDue, dueForCheckin, isNew, atRisk,
        ]
    }

    /// Where a capped list continues.
    enum ListSummary {
        static let total = TemplateField("total", example: "212", "customers in the whole list")
        static let more = TemplateField("more", example: "162", "customers not shown here")
        static let hasMore = TemplateField("has_more", .flag, "the list was cut at `dashboard.list_limit`")
        static let url = TemplateField("url", example: "lists/due-for-checkin/page/1/index.html", "the whole list, paginated")
        static let fields = [total, more, hasMore, url]
    }

    /// A page's place among the pages of its list.
    enum Pagination {
        static let page = TemplateField("page", example: "2", "this page's number, from 1")
        static let pages = TemplateField("pages", example: "20", "how many pages the list has")
        static let total = TemplateField("total", example: "9,871", "entries in the whole list")
        static let first = TemplateField("first", example: "501", "the number of this page's first entry")
        static let last = TemplateField("last", example: "1000", "the number of this page's last entry")
        static let hasPrevious = TemplateField("has_previous", .flag, "")
        static let previousURL = TemplateField("previous_url", example: "customers/page/1/index.html", "")
        static let hasNext = TemplateField("has_next", .flag, "")
        static let nextURL = TemplateField("next_url", example: "customers/page/3/index.html", "")
        static let number = TemplateField("number", example: "3", "")
        static let url = TemplateField("url", example: "customers/page/3/index.html", "")
        static let current = TemplateField("current", .flag, "")
        static let nearby = TemplateField("nearby", .list([number, url, current]), "up to 3 pages either side of this one, and this one")
        static let firstURL = TemplateField("first_url", example: "customers/page/1/index.html", "")
        static let lastURL = TemplateField("last_url", example: "customers/page/20/index.html", "")
        static let fields = [page, pages, total, first, last, hasPrevious, previousURL, hasNext, nextURL, nearby, firstURL, lastURL]
    }

    /// An account manager in the team list and on their own page.
    enum Manager {
        static let name = TemplateField("name", example: "Maya Lindqvist", "`account_manager` as written; `Unassigned` for customers without one")
        static let slug = TemplateField("slug", example: "maya-lindqvist", "")
        static let url = TemplateField("url", example: "team/maya-lindqvist/index.html", "the manager's page")
        static let customers = TemplateField("customers", example: "312", "customers in the manager's book")
        static let dueForCheckin = TemplateField("due_for_checkin", example: "12", "of them due a check-in")
        static let renewalDue = TemplateField("renewal_due", example: "4", "of them renewing inside the window")
        static let atRisk = TemplateField("at_risk", example: "3", "of them at risk")
        static let fields = [name, slug, url, customers, dueForCheckin, renewalDue, atRisk]
    }

    /// An edition or review on the dashboard.
    enum Overview {
        static let edition = TemplateField("edition", example: "2026-11", "")
        static let name = TemplateField("name", example: "2026-11", "")
        static let title = TemplateField("title", example: "November check-in", "")
        static let url = TemplateField("url", example: "newsletters/2026-11/index.html", "")
        static let recipientCount = TemplateField("recipient_count", example: "9,871", "")
        static let periodLabel = TemplateField("period_label", example: "Q4 2026", "reviews only")
        static let fields = [edition, name, title, url, recipientCount, periodLabel]
    }

    /// The counts a dashboard or manager page heads with.
    enum Counts {
        static let customers = TemplateField("customers", example: "9,871", "")
        static let atRisk = TemplateField("at_risk", example: "212", "")
        static let watch = TemplateField("watch", example: "730", "")
        static let healthy = TemplateField("healthy", example: "8,929", "")
        static let dueForCheckin = TemplateField("due_for_checkin", example: "1,204", "")
        static let renewalDue = TemplateField("renewal_due", example: "388", "")
        static let fields = [customers, atRisk, watch, healthy, dueForCheckin, renewalDue]
    }

    /// `index` (the dashboard) and `manager` (one manager's page).
    enum Dashboard {
        static let counts = TemplateField("counts", .object(Counts.fields), "")
        static let dueForCheckin = TemplateField(
            "due_for_checkin", .list(Row.fields), "the longest without contact first (never contacted first of all), capped")
        static let renewals = TemplateField("renewals", .list(Row.fields), "renewals inside the window, soonest first, capped")
        static let atRisk = TemplateField("at_risk", .list(Row.fields), "at-risk accounts by name, capped")
        static let lists = TemplateField(
            "lists", .object([
                TemplateField("due_for_checkin", .object(ListSummary.fields)), TemplateField("renewals", .object(ListSummary.fields)),
                TemplateField("at_risk", .object(ListSummary.fields)),
            ]), "where each capped list continues")
        static let customersURL = TemplateField("customers_url", example: "customers/page/1/index.html", "every customer, by name, paginated")
        static let managers = TemplateField("managers", .list(Manager.fields), "index only: account managers by name, capped")
        static let hasMoreManagers = TemplateField("has_more_managers", .flag, "index only")
        static let teamURL = TemplateField("team_url", example: "team/index.html", "every account manager")
        static let editions = TemplateField("editions", .list(Overview.fields), "index only: newsletters, newest first")
        static let reviews = TemplateField("reviews", .list(Overview.fields), "index only: reviews, newest first")
        static let hasReviews = TemplateField("has_reviews", .flag, "index only")
        static let manager = TemplateField("manager", .object(Manager.fields), "manager only: whose page this is")
        static let today = TemplateField("today", example: "2026-11-26", "")
        static let fields = [
            counts, dueForCheckin, renewals, atRisk, lists, customersURL, managers, hasMoreManagers, teamURL, editions, reviews,
            hasReviews, manager, today,
        ]
    }

    /// `customers`: one page of a list of customers (all, one of the
    /// dashboard's lists, or one manager's book).
    enum CustomerList {
        static let heading = TemplateField("heading", example: "Due a check-in call", "what the list is")
        static let list = TemplateField("list", example: "customers / due-for-checkin / renewals / at-risk / manager", "which list")
        static let customers = TemplateField("customers", .list(Row.fields), "this page's customers")
        static let pagination = TemplateField("pagination", .object(Pagination.fields), "")
        static let manager = TemplateField("manager", .object(Manager.fields), "on a manager's book only")
        static let fields = [heading, list, customers, pagination, manager]
    }

    /// `team`: one page of the account managers.
    enum Team {
        static let managers = TemplateField("managers", .list(Manager.fields), "this page's managers, by name")
        static let pagination = TemplateField("pagination", .object(Pagination.fields), "")
        static let fields = [managers, pagination]
    }

    /// `edition`: one page of a newsletter's or review's recipients.
    enum Edition {
        static let document = TemplateField("document", .object(Document.reviewFields), "the document, in the site's locale")
        static let period = TemplateField("period", .object([Period.name, Period.label]), "reviews only")
        static let audience = TemplateField("audience", example: "plan is pro", "who receives it, in words")
        static let recipientCount = TemplateField("recipient_count", example: "9,871", "")
        static let id = TemplateField("id", example: "C-1001", "")
        static let name = TemplateField("name", example: "Acme Analytics", "")
        static let url = TemplateField("url", example: "customers/c-1001/newsletters/2026-11/index.html", "")
        static let printURL = TemplateField("print_url", example: "print/c-1001/newsletter-2026-11.html", "")
        static let hubURL = TemplateField("hub_url", example: "customers/c-1001/index.html", "")
        static let recipients = TemplateField("recipients", .list([id, name, url, printURL, hubURL]), "this page's recipients, by name")
        static let pagination = TemplateField("pagination", .object(Pagination.fields), "")
        static let fields = [document, period, audience, recipientCount, recipients, pagination]
    }

    static var sitePagesReference: String {
        let sections = [
            Section(
                heading: "## index and manager",
                intro: "The dashboard (`index.html`) and each account manager's page (`team/<manager>/index.html`, layout `manager`).",
                prefix: "", fields: Dashboard.fields),
            Section(
                heading: "## customers",
                intro: """
                    Every page of a list of customers: `customers/page/<n>/`, `lists/<list>/page/<n>/` and \
                    `team/<manager>/page/<n>/`, `dashboard.page_size` (500) to a page, in a stable order.
                    """,
                prefix: "", fields: CustomerList.fields),
            Section(heading: "## team", intro: "The account managers: `team/index.html`, then `team/page/<n>/`.", prefix: "", fields: Team.fields),
            Section(
                heading: "## edition",
                intro: "A newsletter's or review's overview: `newsletters/<edition>/index.html`, then `.../page/<n>/`.", prefix: "",
                fields: Edition.fields),
            Section(heading: "## Each customer in a list", intro: "", prefix: "", fields: Row.fields),
            Section(heading: "## pagination", intro: "", prefix: "pagination.", fields: Pagination.fields),
        ]
        var text = "# Site pages\n\nEvery site page also has the names every page has (`root`, `page_title`, `lang`, `generator`, `site`).\n"
        for section in sections {
            text += "\n\(section.heading)\n\n" + (section.intro.isEmpty ? "" : "\(section.intro)\n\n") + "| name | example | meaning |\n|---|---|---|\n"
            for field in section.fields { text += row(field, prefix: section.prefix) }
        }
        return text
    }
}
