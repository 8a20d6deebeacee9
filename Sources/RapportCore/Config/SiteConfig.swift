import RapportMarkdown

/// The settings in `rapport.yml`; every key has a default, so a site without
/// the file still builds.
public struct SiteConfig: Sendable, Hashable {
    public var title = "rapport"
    public var baseURL = ""
    /// Default locale for dates and money (`en-US`).
    public var locale = "en-US"
    /// Default ISO 4217 currency code.
    public var currency = "USD"
    public var records = Records()
    public var sender = Sender()
    public var thresholds = Thresholds()
    public var dashboard = Dashboard()
    /// How `rapport outbox` writes each customer's message.
    public var email = EmailSettings()
    /// Values used when a customer's field is empty, keyed by path (`customer.first_name`).
    public var fallbacks: [String: String] = [:]
    public var markdown = MarkdownLimits()
    /// Metrics where a fall is good news (support tickets, churn), so the
    /// honesty check and `worsened` read them the right way round.
    public var lowerIsBetter: Set<String> = []
    /// Paper size of print pages.
    public var paper: Paper = .a4
    /// When true, customer folders carry an unguessable token after the id.
    public var privateURLs = false
    /// Secret mixed into private URL tokens; from `private_url_secret` or `RAPPORT_URL_SECRET`.
    public var privateURLSecret: String?

    public init() {}

    /// Where customer records come from.
    public struct Records: Sendable, Hashable {
        public var customers = "Content/customers.csv"
        /// Optional per-customer monthly metrics; used when the file exists.
        public var metrics = "Content/metrics.csv"
        public var idField = "id"
        public var delimiter: CSVDelimiter = .auto
        public init() {}
    }

    /// Paper sizes print pages can be laid out for.
    public enum Paper: String, Sendable, Hashable {
        case a4 = "A4"
        case letter = "Letter"

        /// The CSS `@page { size: }` keyword.
        public var cssSize: String { self == .a4 ? "A4" : "letter" }
    }

    /// Who signs messages when a customer has no account manager of their own.
    public struct Sender: Sendable, Hashable {
        public var name = ""
        public var email = ""
        public var company = ""
        public init() {}
    }

    /// How long the site pages about many customers may grow.
    public struct Dashboard: Sendable, Hashable {
        /// Customers shown in each list of the dashboard and a manager's page
        /// (the most overdue calls, renewals, at-risk accounts); the rest are a link away.
        public var listLimit = 50
        /// Customers (or managers) per page of a paginated list.
        public var pageSize = 500
        public init() {}
    }

    /// Cut-offs for the computed customer flags.
    public struct Thresholds: Sendable, Hashable {
        public var renewalWindowDays = 90
        public var checkinCadenceDays = 45
        /// A health score below this is "watch".
        public var healthWatch = 70
        /// A health score below this is "at risk".
        public var healthAtRisk = 50
        /// A customer who started within this many days is new.
        public var newCustomerDays = 90
        public init() {}
    }
}
