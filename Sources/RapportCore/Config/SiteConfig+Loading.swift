import Foundation
import RapportMarkdown
import Yams

extension SiteConfig {
    /// The file name rapport looks for at the root of a site.
    public static let fileName = "rapport.yml"

    /// Reads `rapport.yml` from `siteDirectory` if it exists; returns the
    /// settings and any warnings (unknown keys), or throws every error found.
    public static func load(
        siteDirectory: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DiagnosticList) -> (SiteConfig, [Diagnostic]) {
        let url = siteDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            var config = SiteConfig()
            config.privateURLSecret = environment["RAPPORT_URL_SECRET"]
            return (config, [])
        }
        let text: String
        do {
            text = try TextFile.read(url, displayPath: fileName)
        } catch {
            throw DiagnosticList([error])
        }
        return try parse(text, path: fileName, environment: environment)
    }

    /// Parses the text of a `rapport.yml`.
    public static func parse(
        _ text: String,
        path: String,
        environment: [String: String] = [:]
    ) throws(DiagnosticList) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        config.privateURLSecret = environment["RAPPORT_URL_SECRET"]
        guard let root = try YAMLSource.compose(text, path: path) else { return (config, []) }
        var map = YAMLMap(root, path: path, lineOffset: 0, what: "rapport.yml")
        var diagnostics: [Diagnostic] = []

        if let title = map.string("title") { config.title = title }
        if let baseURL = map.string("base_url") { config.baseURL = baseURL }
        if let locale = map.string("locale") { config.locale = locale }
        if let currency = map.string("currency") {
            if currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) {
                config.currency = currency.uppercased()
            } else {
                diagnostics.append(
                    .error(
                        "currency must be a three-letter ISO 4217 code such as USD or EUR",
                        at: map.node("currency").map(map.location(of:))))
            }
        }
        if var records = map.map("records") {
            if let customers = records.string("customers") { config.records.customers = customers }
            if let metrics = records.string("metrics") { config.records.metrics = metrics }
            if let id = records.string("id") { config.records.idField = HeaderName.normalise(id) }
            if let delimiterNode = records.node("delimiter"), let delimiter = records.string("delimiter") {
                if let parsed = CSVDelimiter(configValue: delimiter) {
                    config.records.delimiter = parsed
                } else {
                    diagnostics.append(
                        .error(
                            "delimiter must be auto, \",\", \";\" or \"\\t\"",
                            at: records.location(of: delimiterNode)))
                }
            }
            diagnostics += records.diagnostics + records.unknownKeyWarnings(context: "records setting")
        }
        if var sender = map.map("sender") {
            if let name = sender.string("name") { config.sender.name = name }
            if let email = sender.string("email") { config.sender.email = email }
            if let company = sender.string("company") { config.sender.company = company }
            diagnostics += sender.diagnostics + sender.unknownKeyWarnings(context: "sender setting")
        }
        if var thresholds = map.map("thresholds") {
            let days = 0...36_500
            if let value = thresholds.integer("renewal_window_days", in: days) {
                config.thresholds.renewalWindowDays = value
            }
            if let value = thresholds.integer("checkin_cadence_days", in: days) {
                config.thresholds.checkinCadenceDays = value
            }
            if let value = thresholds.integer("new_customer_days", in: days) {
                config.thresholds.newCustomerDays = value
            }
            if var health = thresholds.map("health") {
                if let value = health.integer("watch", in: 0...1000) { config.thresholds.healthWatch = value }
                if let value = health.integer("at_risk", in: 0...1000) { config.thresholds.healthAtRisk = value }
                diagnostics += health.diagnostics + health.unknownKeyWarnings(context: "health threshold")
            }
            diagnostics += thresholds.diagnostics + thresholds.unknownKeyWarnings(context: "threshold")
        }
        if var dashboard = map.map("dashboard") {
            if let value = dashboard.integer("list_limit", in: 1...100_000) { config.dashboard.listLimit = value }
            if let value = dashboard.integer("page_size", in: 1...100_000) { config.dashboard.pageSize = value }
            diagnostics += dashboard.diagnostics + dashboard.unknownKeyWarnings(context: "dashboard setting")
        }
        config.fallbacks = map.stringDictionary("fallbacks")
        if var markdown = map.map("markdown") {
            if let value = markdown.integer("max_bytes", in: 1...1_000_000_000) { config.markdown.maxBytes = value }
            if let value = markdown.integer("max_table_columns", in: 1...100_000) {
                config.markdown.maxTableColumns = value
            }
            if let value = markdown.integer("max_bracket_run", in: 1...1_000_000) {
                config.markdown.maxBracketRun = value
            }
            if let value = markdown.integer("max_nesting", in: 1...10_000) { config.markdown.maxNesting = value }
            diagnostics += markdown.diagnostics + markdown.unknownKeyWarnings(context: "markdown setting")
        }
        if let privateURLs = map.bool("private_urls") { config.privateURLs = privateURLs }
        if let secret = map.string("private_url_secret") { config.privateURLSecret = secret }
        if config.privateURLs, (config.privateURLSecret ?? "").isEmpty {
            diagnostics.append(
                .error(
                    "private_urls needs a secret: set private_url_secret in rapport.yml or RAPPORT_URL_SECRET",
                    at: map.node("private_urls").map(map.location(of:))))
        }
        if var review = map.map("review") {
            if let node = review.node("lower_is_better") {
                if let sequence = node.sequence {
                    config.lowerIsBetter = Set(sequence.compactMap { $0.scalar.map { HeaderName.normalise($0.string) } })
                } else {
                    diagnostics.append(.error("review.lower_is_better must be a list of metric names", at: review.location(of: node)))
                }
            }
            diagnostics += review.diagnostics + review.unknownKeyWarnings(context: "review setting")
        }
        if var print = map.map("print") {
            if let node = print.node("paper"), let paper = print.string("paper") {
                if let parsed = Paper(rawValue: paper.uppercased() == "A4" ? "A4" : paper.capitalized) {
                    config.paper = parsed
                } else {
                    diagnostics.append(.error("print.paper must be A4 or Letter, not \"\(paper)\"", at: print.location(of: node)))
                }
            }
            diagnostics += print.diagnostics + print.unknownKeyWarnings(context: "print setting")
        }
        if var email = map.map("email") {
            config.email = parseEmail(&email, diagnostics: &diagnostics)
        }
        // Keys that later features own; accepted here so one rapport.yml serves every version.
        for key in ["serve"] { _ = map.node(key) }
        diagnostics += map.diagnostics + map.unknownKeyWarnings(context: "setting")

        diagnostics.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return (config, diagnostics)
    }
}
