import Foundation
import RapportCore

/// `/_rapport/email/<customer id>/`: the customer's real messages, as
/// `rapport outbox` would write them, rendered on request from the current
/// sources: headers, the HTML part in a sandboxed frame and the text part,
/// so what is sent is checked before it is sent.
///
/// Rendered per request for one customer (`--only`), never for the whole
/// book, so previewing costs about one customer's pages at any size.
public struct EmailPreview: Sendable {
    public var siteDirectory: URL
    /// "Today" for the messages; nil: the real date at each request.
    public var today: CalendarDate?

    public init(siteDirectory: URL, today: CalendarDate? = nil) {
        self.siteDirectory = siteDirectory
        self.today = today
    }

    static let pathPrefix = "/_rapport/email/"

    /// The preview page of `customerID`'s messages, linked from each of their pages.
    static func path(customerID: String) -> String {
        pathPrefix + (customerID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? customerID) + "/"
    }

    /// The part file of one message: `<kind>-<edition>.html` (the HTML part) or `.eml`.
    static func partName(_ message: OutboxMessage, extension: String) -> String {
        "\(message.kind)-\(message.edition).\(`extension`)"
    }

    /// Every message `customerID` would get (newsletters and reviews).
    func messages(customerID: String) throws(DiagnosticList) -> [OutboxMessage] {
        var options = OutboxOptions(siteDirectory: siteDirectory)
        options.only = [customerID]
        options.includeReviews = true
        options.writeOutput = false
        options.keepParts = true
        options.jobs = 1
        options.today = today ?? .today()
        return try OutboxBuilder(options: options).build().messages
    }

    /// The page showing `messages`, with the reload script so it follows every save.
    static func page(customerID: String, messages: [OutboxMessage], generation: Int) -> String {
        let escape = HTMLText.escape
        var sections = ""
        for message in messages {
            let anchor = "\(message.kind)-\(message.edition)"
            let rows: [(String, String?)] = [
                ("From", message.from), ("To", message.to), ("Reply-To", message.replyTo), ("Subject", message.subject),
                ("Send after", ISO8601DateFormatter().string(from: message.sendAfter)),
                ("Size", "\(message.bytes) bytes; HTML part \(message.html?.utf8.count ?? 0) bytes"),
            ]
            let headerRows = rows.compactMap { name, value in value.map { "<tr><th>\(name)</th><td>\(escape($0))</td></tr>" } }.joined()
            sections += """
                <section id="\(escape(anchor))">
                <h2>\(escape(message.kind.capitalized)) \(escape(message.edition))</h2>
                <table class="headers">\(headerRows)</table>
                <p><a href="\(escape(partName(message, extension: "eml")))">Download the .eml</a> · <a href="\(escape(partName(message, extension: "html")))">Open the HTML part alone</a></p>
                <div class="parts">
                <figure><figcaption>HTML part</figcaption><iframe sandbox src="\(escape(partName(message, extension: "html")))" title="HTML part of \(escape(anchor))"></iframe></figure>
                <figure><figcaption>Text part</figcaption><pre>\(escape(message.text ?? ""))</pre></figure>
                </div>
                </section>

                """
        }
        if messages.isEmpty { sections = "<p>This customer is in the audience of no newsletter or review.</p>" }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Email preview: \(escape(customerID)) · rapport serve</title>
            <style>
            body { font: 15px/1.5 system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; background: #fff; }
            table.headers th { text-align: left; padding-right: 1rem; vertical-align: top; }
            .parts { display: flex; flex-wrap: wrap; gap: 1rem; }
            figure { margin: 0; flex: 1 1 30rem; }
            iframe { width: 100%; height: 70vh; border: 1px solid #8a8a8a; background: #fff; }
            pre { height: 70vh; overflow: auto; margin: 0; padding: .75rem; border: 1px solid #8a8a8a; white-space: pre-wrap; font: 13px/1.45 ui-monospace, monospace; }
            </style>
            </head>
            <body>
            <h1>Email preview: \(escape(customerID))</h1>
            <p>Exactly what <code>rapport outbox</code> writes for this customer, from the sources as they are now. Nothing is sent.</p>
            \(sections)\(ReloadScript.tag(generation: generation))</body>
            </html>

            """
    }

    /// A customer page's link to its email preview, for the web pages of newsletters and reviews.
    static func link(customerID: String, anchor: String) -> String {
        """
        <a id="rapport-email-preview" href="\(HTMLText.escape(path(customerID: customerID) + "#" + anchor))" \
        style="position:fixed;left:1rem;bottom:1rem;z-index:2147483647;padding:.4rem .7rem;font:14px system-ui,sans-serif;\
        color:#fff;background:#1a56db;border-radius:6px;text-decoration:none">Preview the email</a>

        """
    }
}
