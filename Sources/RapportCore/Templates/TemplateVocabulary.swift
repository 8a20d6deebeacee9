/// Every name rapport's templates can use: the one declaration the field
/// check, its hints, the view-model builders and docs/template-variables.md
/// are made from. A test fails when the docs and this declaration differ.
enum TemplateVocabulary {
    /// `customer.*`: every record column (text exactly as written) plus these.
    enum Customer {
        static let id = TemplateField("id", example: "C-1001", "required, unique")
        static let slug = TemplateField("slug", example: "c-1001", "file-safe name of the customer's folder")
        static let name = TemplateField("name", example: "Acme Analytics", "company/account name (`name`, else `company`)")
        static let company = TemplateField("company", example: "Acme Analytics GmbH", "as written in the records")
        static let contactName = TemplateField("contact_name", example: "Jana Novak", "as written in the records")
        static let firstName = TemplateField(
            "first_name", example: "Jana", "first word of `contact_name` (or the `first_name` column)")
        static let email = TemplateField("email", example: "jana@acme.example", "as written in the records")
        static let plan = TemplateField("plan", example: "pro", "as written in the records")
        static let accountManager = TemplateField("account_manager", example: "Maya Lindqvist", "as written in the records")
        static let locale = TemplateField("locale", example: "de-DE", "the customer's locale, else `rapport.yml` `locale`")
        static let currency = TemplateField("currency", example: "EUR", "the customer's currency, else `rapport.yml` `currency`")
        static let mrr = TemplateField("mrr", example: "1.250,00 €", "monthly revenue formatted for the locale")
        static let mrrValue = TemplateField("mrr_value", example: "1250", "monthly revenue as written")
        static let startDate = TemplateField("start_date", example: "3. März 2023", "formatted for the locale")
        static let startDateISO = TemplateField("start_date_iso", example: "2023-03-03", "")
        static let renewalDate = TemplateField("renewal_date", example: "10. Januar 2027", "formatted for the locale")
        static let renewalDateISO = TemplateField("renewal_date_iso", example: "2027-01-10", "")
        static let lastContact = TemplateField("last_contact", example: "2. Oktober 2026", "the later of the records' and the notes' date")
        static let lastContactISO = TemplateField("last_contact_iso", example: "2026-10-02", "")
        static let healthScore = TemplateField("health_score", example: "82", "as written")
        static let nps = TemplateField("nps", example: "45", "as written")
        static let tenure = TemplateField("tenure", example: "3 years", "from `start_date` to today")
        static let daysToRenewal = TemplateField("days_to_renewal", example: "41", "negative when overdue")
        static let renewalDue = TemplateField(
            "renewal_due", .flag, "renewal within `thresholds.renewal_window_days` (90)")
        static let health = TemplateField(
            "health", example: "healthy / watch / at_risk", "from `health_score` and `thresholds.health`")
        static let healthLabel = TemplateField("health_label", example: "Healthy / Watch / At risk", "")
        static let isNew = TemplateField("is_new", .flag, "started within `thresholds.new_customer_days` (90)")
        static let daysSinceContact = TemplateField("days_since_contact", example: "52", "")
        static let dueForCheckin = TemplateField(
            "due_for_checkin", .flag, "last contact older than `thresholds.checkin_cadence_days` (45), or never")

        /// The names rapport adds or types on top of the record's own columns.
        static let computed = [
            id, slug, name, firstName, locale, currency, mrr, mrrValue, startDate, startDateISO, renewalDate,
            renewalDateISO, lastContact, lastContactISO, tenure, daysToRenewal, renewalDue, health, healthLabel, isNew,
            daysSinceContact, dueForCheckin,
        ]
        /// Columns the docs name because CRM exports usually have them.
        static let usualColumns = [company, contactName, email, plan, accountManager, healthScore, nps]
        static var fields: [TemplateField] { computed + usualColumns }
    }

    /// `sender.*`: the customer's account manager.
    enum Sender {
        static let name = TemplateField(
            "name", example: "Maya Lindqvist", "`account_manager` column, else `rapport.yml` `sender.name`")
        static let firstName = TemplateField("first_name", example: "Maya", "first word of `name`")
        static let email = TemplateField(
            "email", example: "maya@northwind.example", "`account_manager_email` column, else `rapport.yml` `sender.email`")
        static let company = TemplateField("company", example: "Northwind Analytics", "`rapport.yml` `sender.company`, else the site title")
        static let fields = [name, firstName, email, company]
    }

    /// `site.*`: from rapport.yml.
    enum Site {
        static let title = TemplateField("title", example: "Northwind Success", "`rapport.yml` `title`")
        static let baseURL = TemplateField("base_url", example: "https://success.example", "`rapport.yml` `base_url`, when set")
        static let locale = TemplateField("locale", example: "en-US", "the default locale")
        static let currency = TemplateField("currency", example: "USD", "the default currency")
        static let year = TemplateField("year", example: "2026", "the year of today")
        static let fields = [title, baseURL, locale, currency, year]
    }

    /// `document.*`: the newsletter or review being rendered.
    enum Document {
        static let title = TemplateField("title", example: "November check-in", "front matter `title`, else the file name")
        static let subject = TemplateField("subject", example: "Jana, your November check-in", "front matter `subject`, else the title")
        static let preheader = TemplateField("preheader", example: "Your account at a glance", "front matter `preheader`")
        static let date = TemplateField("date", example: "November 26, 2026", "formatted for the customer's locale")
        static let dateISO = TemplateField("date_iso", example: "2026-11-26", "")
        static let edition = TemplateField("edition", example: "2026-11", "the file name without `.md`")
        static let kind = TemplateField("kind", example: "newsletter / review", "")
        static let period = TemplateField("period", example: "2026-Q4", "reviews only: the period's name")
        /// A newsletter's `document`.
        static let fields = [title, subject, preheader, date, dateISO, edition, kind]
        /// A review's `document`: a newsletter's and its period.
        static let reviewFields = fields + [period]
    }

    /// `notes.*`: from `Content/notes/<customer id>.md`.
    enum Notes {
        static let text = TemplateField("text", example: "Cut report time in half", "the item")
        static let status = TemplateField("status", example: "open / resolved", "")
        static let open = TemplateField("open", .flag, "")
        static let statusLabel = TemplateField("status_label", example: "Missed", "")
        static let met = TemplateField("met", .flag, "")
        static let missed = TemplateField("missed", .flag, "")
        static let changed = TemplateField("changed", .flag, "")

        static let goals = TemplateField("goals", .list([text]), "the customer's goals for next quarter")
        static let wins = TemplateField("wins", .list([text]), "what went well")
        static let issues = TemplateField("issues", .list([text, status, open]), "what went wrong (status open / resolved)")
        static let commitments = TemplateField(
            "commitments", .list([text, TemplateField("status", example: "met / missed / changed / open"), statusLabel, met, missed, changed, open]),
            "what we promised, with its outcome; missed ones stay visible")
        static let hasGoals = TemplateField("has_goals", .flag, "")
        static let hasWins = TemplateField("has_wins", .flag, "")
        static let hasIssues = TemplateField("has_issues", .flag, "")
        static let hasOpenIssues = TemplateField("has_open_issues", .flag, "")
        static let hasCommitments = TemplateField("has_commitments", .flag, "")
        static let missedCount = TemplateField("missed_count", example: "1", "commitments missed")
        static let metCount = TemplateField("met_count", example: "2", "commitments met")
        static let hasMissed = TemplateField("has_missed", .flag, "")
        static let lastContact = TemplateField(
            "last_contact", example: "October 2, 2026", "front matter `last_contact` (formatted); also raises `customer.last_contact` when later")
        static let lastContactISO = TemplateField("last_contact_iso", example: "2026-10-02", "")
        static let body = TemplateField("body", .html, "the notes' Markdown body rendered to HTML")
        static let fields = [
            goals, wins, issues, commitments, hasGoals, hasWins, hasIssues, hasOpenIssues, hasCommitments, missedCount,
            metCount, hasMissed, lastContact, lastContactISO, body,
        ]
    }

    /// `period.*`: the months a review looks back on.
    enum Period {
        static let name = TemplateField("name", example: "2026-Q4", "")
        static let label = TemplateField("label", example: "Q4 2026", "")
        static let start = TemplateField("start", example: "October 2026", "the first month, in the customer's language")
        static let end = TemplateField("end", example: "December 2026", "the last month, in the customer's language")
        static let startISO = TemplateField("start_iso", example: "2026-10", "")
        static let endISO = TemplateField("end_iso", example: "2026-12", "")
        static let previous = TemplateField("previous", .object([name, label]), "the period before: `name`, `label`")
        static let next = TemplateField("next", .object([name, label]), "the period after: `name`, `label`")
        static let fields = [name, label, start, end, startISO, endISO, previous, next]
    }

    /// `metrics.<name>.*` and each element of `metrics_list`.
    enum Metric {
        static let name = TemplateField("name", example: "active_users", "the metric column, normalised like a header")
        static let label = TemplateField("label", example: "Active users", "")
        static let latest = TemplateField("latest", example: "1,410", "last month with data in the period, formatted")
        static let latestValue = TemplateField("latest_value", example: "1410", "")
        static let previous = TemplateField("previous", example: "1,240", "last month with data in the previous period")
        static let previousValue = TemplateField("previous_value", example: "1240", "")
        static let change = TemplateField("change", example: "+170", "latest − previous, signed")
        static let changeValue = TemplateField("change_value", example: "170", "")
        static let changePercent = TemplateField("change_pct", example: "+13.7%", "left out when previous is 0 or missing")
        static let trend = TemplateField("trend", example: "up / down / flat", "")
        static let trendUp = TemplateField("trend_up", .flag, "")
        static let trendDown = TemplateField("trend_down", .flag, "")
        static let trendFlat = TemplateField("trend_flat", .flag, "")
        static let total = TemplateField("total", example: "3,980", "over the period's months with data")
        static let average = TemplateField("average", example: "1,327", "over the period's months with data")
        static let hasData = TemplateField("has_data", .flag, "any value in the period")
        static let hasPrevious = TemplateField("has_previous", .flag, "the previous period has data")
        static let hasChangePercent = TemplateField("has_change_pct", .flag, "a percentage change exists")
        static let improved = TemplateField("improved", .flag, "the trend read the right way round (`review.lower_is_better`)")
        static let worsened = TemplateField("worsened", .flag, "the trend read the right way round (`review.lower_is_better`)")
        static let month = TemplateField("month", example: "2026-10", "")
        static let monthLabel = TemplateField("month_label", example: "Oct 2026", "")
        static let value = TemplateField("value", example: "1,240 / no data", "formatted; a month without data is `no data`, never zero")
        static let hasValue = TemplateField("has_value", .flag, "")
        static let inPeriod = TemplateField("in_period", .flag, "the month is in the review's period")
        static let series = TemplateField(
            "series", .list([month, monthLabel, value, hasValue, inPeriod]), "each month of the previous and current period")
        static let chart = TemplateField(
            "chart", .html, "inline SVG line chart: the quarter highlighted, the previous one dashed, a title and description for screen readers")
        static let sparkline = TemplateField("sparkline", .html, "inline SVG sparkline")
        static let fields = [
            name, label, latest, latestValue, previous, previousValue, change, changeValue, changePercent, trend, trendUp,
            trendDown, trendFlat, total, average, hasData, hasPrevious, hasChangePercent, improved, worsened, series, chart,
            sparkline,
        ]
    }

    /// The top-level names of Markdown content: newsletters, reviews and content partials.
    enum Content {
        static let customer = TemplateField("customer", .object(Customer.fields), "the customer, every record column included")
        static let sender = TemplateField("sender", .object(Sender.fields), "the customer's account manager")
        static let site = TemplateField("site", .object(Site.fields), "from rapport.yml")
        static let document = TemplateField("document", .object(Document.fields), "the newsletter")
        static let reviewDocument = TemplateField("document", .object(Document.reviewFields), "the review")
        static let notes = TemplateField("notes", .object(Notes.fields), "the customer's account notes")
        static let period = TemplateField("period", .object(Period.fields), "reviews only")
        static let metrics = TemplateField("metrics", .objects(Metric.fields), "reviews only: one object per metric column")
        static let metricsList = TemplateField("metrics_list", .list(Metric.fields), "reviews only: the metrics in column order")
        static let hasMetrics = TemplateField("has_metrics", .flag, "reviews only: the customer has metric data in the period")

        static let newsletter = [customer, sender, site, document, notes]
        static let review = [customer, sender, site, reviewDocument, notes, period, metrics, metricsList, hasMetrics]
    }
}
