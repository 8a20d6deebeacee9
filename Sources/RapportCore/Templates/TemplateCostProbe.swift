import Foundation

/// What one Mustache tag costs in rapport's engine, for the microbenchmark
/// in `Benchmarks/TemplateCost` (issue 11: at most 200 ns per tag).
///
/// It compiles the sample's newsletter layout shape (a parent with blocks,
/// partials, sections over lists, dotted names, escaped and raw values) and
/// renders it for a rotating set of customers' values built beforehand, so
/// the time is the render alone: resolve, escape, append into the one
/// reused buffer.
public enum TemplateCostProbe {
    public struct Result: Sendable {
        public var pages: Int
        public var tags: Int
        public var bytes: Int
        public var seconds: Double
        public var nanosecondsPerTag: Double { seconds * 1e9 / Double(max(1, tags)) }
    }

    static let base = """
        <!DOCTYPE html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><title>{{page_title}}</title></head>
        <body>
        {{> header}}
        <main>{{$body}}{{/body}}</main>
        <footer>{{site.title}} · {{generator}}</footer>
        </body></html>

        """
    static let header = """
        <header><a href="{{root}}index.html">{{site.title}}</a> · {{customer.name}} · {{sender.name}}</header>

        """
    static let page = """
        {{<base}}
        {{$body}}
        <h1>{{document.title}}</h1>
        <p>Dear {{customer.first_name}}, {{customer.name}} is on the {{customer.plan}} plan ({{customer.mrr}} a month).</p>
        {{#customer.renewal_due}}<p>Your renewal is on {{customer.renewal_date}}, in {{customer.days_to_renewal}} days.</p>{{/customer.renewal_due}}
        {{^customer.renewal_due}}<p>Renewal: {{customer.renewal_date}}.</p>{{/customer.renewal_due}}
        <ul>
        {{#documents}}
          <li><a href="{{root}}{{url}}">{{title}}</a>{{#current}} (this one){{/current}}</li>
        {{/documents}}
        </ul>
        {{{content}}}
        <p>{{sender.name}} · {{sender.email}} · {{sender.company}}</p>
        {{/body}}
        {{/base}}

        """

    /// Renders `pages` pages and times them.
    public static func run(pages: Int) throws -> Result {
        let scanner = MustacheScanner()
        var library = TemplateLibrary(contentType: .html)
        try library.add(name: "base", path: "base.mustache", text: base, scanner: scanner)
        try library.add(name: "header", path: "header.mustache", text: header, scanner: scanner)
        try library.add(name: "page", path: "page.mustache", text: page, scanner: scanner)
        try library.compile()
        let contexts = (0..<64).map(context)
        var renderer = TemplateRenderer()
        var bytes = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<pages {
            renderer.output.removeAll()
            try library.render("page", contexts[index & 63], with: &renderer, path: "page.mustache")
            bytes &+= renderer.output.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(pages: pages, tags: renderer.tagsRendered, bytes: bytes, seconds: seconds)
    }

    private static func context(_ number: Int) -> TemplateValue {
        let documents: [TemplateValue] = (0..<4).map { edition in
            ["title": .text("Newsletter 2026-\(edition + 8)"), "url": .text("customers/c-\(number)/newsletters/2026-\(edition + 8)/index.html"),
             "current": .bool(edition == 3)]
        }
        return [
            "lang": "en-US", "page_title": .text("November check-in — Customer \(number) & Co"), "root": "../../../../",
            "generator": "rapport", "site": ["title": "Northwind Success"],
            "customer": [
                "name": .text("Customer \(number) <Ltd>"), "first_name": "Ada", "plan": "pro", "mrr": "$1,250.00",
                "renewal_due": .bool(number % 3 == 0), "renewal_date": "January 10, 2027", "days_to_renewal": "45",
            ],
            "sender": ["name": "Maya Lindqvist", "email": "maya@northwind.example", "company": "Northwind Analytics"],
            "document": ["title": "November check-in"],
            "documents": .list(documents),
            "content": .text(String(repeating: "<p>What changed this month, and what it means for your team.</p>\n", count: 20)),
        ]
    }
}
