/// The names only layouts see, page by page.
extension TemplateVocabulary {
    /// Names every page has.
    enum Common {
        static let root = TemplateField("root", example: "../../", "relative path from the page to the site root, ending in `/`")
        static let pageTitle = TemplateField("page_title", example: "November check-in — Acme Analytics", "the page's `<title>`")
        static let lang = TemplateField("lang", example: "de-DE", "the page's language: the customer's locale, else the site's")
        static let generator = TemplateField("generator", example: "rapport 0.9.0", "`rapport <version>`")
        static let site = TemplateField("site", .object(Site.fields), "from rapport.yml")
        static let fields = [root, pageTitle, lang, generator, site]
    }

    /// A link to one of the customer's newsletters or reviews.
    enum DocumentLink {
        static let title = TemplateField("title", example: "November check-in", "")
        static let kind = TemplateField("kind", example: "newsletter / review", "")
        static let url = TemplateField("url", example: "customers/c-1001/newsletters/2026-11/index.html", "")
        static let printURL = TemplateField("print_url", example: "print/c-1001/newsletter-2026-11.html", "")
        static let current = TemplateField("current", .flag, "this is the page being shown")
        static let fields = [title, kind, url, printURL, current]
    }

    /// `newsletter`, `review` and `print` layouts: everything Markdown content sees, plus these.
    enum DocumentPage {
        static let content = TemplateField("content", .html, "the rendered body (use `{{{content}}}`)")
        static let root = Common.root
        static let pageTitle = Common.pageTitle
        static let lang = Common.lang
        static let generator = Common.generator
        static let hubURL = TemplateField("hub_url", example: "customers/c-1001/index.html", "the customer's hub")
        static let editionURL = TemplateField("edition_url", example: "newsletters/2026-11/index.html", "the edition's overview")
        static let printURL = TemplateField("print_url", example: "print/c-1001/newsletter-2026-11.html", "this page's print twin")
        static let webURL = TemplateField("web_url", example: "customers/c-1001/newsletters/2026-11/index.html", "this page on the site")
        static let documents = TemplateField("documents", .list(DocumentLink.fields), "everything this customer receives")
        static let previousDocument = TemplateField("previous_document", .object(DocumentLink.fields), "the edition of the same kind before this one")
        static let nextDocument = TemplateField("next_document", .object(DocumentLink.fields), "the edition of the same kind after this one")
        static let customerNameForHeader = TemplateField("customer_name_for_header", example: "Acme Analytics", "print: the running header's text")
        static let customerNameCSS = TemplateField(
            "customer_name_css", example: "\"Acme Analytics\"",
            "print: the name as a quoted, escaped CSS string for `@top-left { content: ... }` (Chromium cannot read `string-set` into page margins)")
        static let paper = TemplateField("paper", example: "A4 / Letter", "print: `print.paper`")
        static let paperSize = TemplateField("paper_size", example: "A4 / letter", "print: the CSS `@page` size")
        static let fields = [
            content, root, pageTitle, lang, generator, hubURL, editionURL, printURL, webURL, documents, previousDocument,
            nextDocument, customerNameForHeader, customerNameCSS, paper, paperSize,
        ]
    }

    /// The `email` layout (`rapport outbox`): everything Markdown content
    /// sees, plus these. Every URL is absolute: a message is read far from the site.
    enum EmailPage {
        static let content = TemplateField("content", .html, "the rendered body, links and images made absolute, styles inline (use `{{{content}}}`)")
        static let root = TemplateField("root", example: "https://success.example/", "`site.base_url` ending in `/`")
        static let pageTitle = Common.pageTitle
        static let lang = Common.lang
        static let generator = Common.generator
        static let webURL = TemplateField("web_url", example: "https://success.example/customers/c-1001/newsletters/2026-11/", "this message on the site")
        static let hubURL = TemplateField("hub_url", example: "https://success.example/customers/c-1001/", "the customer's hub")
        static let printURL = TemplateField("print_url", example: "https://success.example/print/c-1001/newsletter-2026-11.html", "the print page")
        static let unsubscribeURL = TemplateField(
            "unsubscribe_url", example: "https://success.example/u/C-1001", "the first `email.unsubscribe` URL for this customer, when set")
        static let fields = [content, root, pageTitle, lang, generator, webURL, hubURL, printURL, unsubscribeURL]
    }

    /// One of the customer's documents on their hub.
    enum HubEntry {
        static let edition = TemplateField("edition", example: "2026-11", "")
        static let name = TemplateField("name", example: "2026-11", "")
        static let title = TemplateField("title", example: "November check-in", "a title that greets the customer gives way to `Newsletter 2026-11`")
        static let date = TemplateField("date", example: "November 26, 2026", "")
        static let dateISO = TemplateField("date_iso", example: "2026-11-26", "")
        static let url = TemplateField("url", example: "customers/c-1001/newsletters/2026-11/index.html", "")
        static let printURL = TemplateField("print_url", example: "print/c-1001/newsletter-2026-11.html", "")
        static let periodLabel = TemplateField("period_label", example: "Q4 2026", "reviews only")
        static let fields = [edition, name, title, date, dateISO, url, printURL, periodLabel]
    }

    /// The `customer` layout: a customer's hub. Also `customer`, `sender`, `site` and `notes`.
    enum Hub {
        static let newsletters = TemplateField("newsletters", .list(HubEntry.fields), "the customer's newsletters")
        static let hasNewsletters = TemplateField("has_newsletters", .flag, "")
        static let reviews = TemplateField("reviews", .list(HubEntry.fields), "the customer's reviews")
        static let hasReviews = TemplateField("has_reviews", .flag, "")
        static let root = Common.root
        static let pageTitle = Common.pageTitle
        static let lang = Common.lang
        static let generator = Common.generator
        static let fields = [newsletters, hasNewsletters, reviews, hasReviews, root, pageTitle, lang, generator]
    }
}

/// The layouts rapport renders, by the name of their file in `Layouts/`.
enum LayoutName {
    static let dashboard = "index"
    static let hub = "customer"
    static let edition = "edition"
    static let newsletter = "newsletter"
    static let review = "review"
    static let print = "print"
    /// A page of a list of customers (all, a dashboard list, a manager's book).
    static let customers = "customers"
    static let team = "team"
    static let manager = "manager"
    /// The HTML part of each message `rapport outbox` writes.
    static let email = "email"

    /// Layouts a site must have; `print`, `team` and `manager` are optional.
    static let required = [dashboard, hub, edition, customers]

    static func path(_ name: String) -> String { "Layouts/\(name).mustache" }
}
