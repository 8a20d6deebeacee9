/// What rendering one customer produced, collected from the workers.
struct CustomerOutcome: Sendable {
    /// Manifest entries held in memory: all of them when nothing is
    /// written, else those outside the customer's folders (none, in practice).
    var files: [ManifestEntry] = []
    /// Where the rest of the customer's entries are in the build's spool.
    var spooled: ManifestSpool.Customer?
    var diagnostics: [Diagnostic] = []
    var dashboardRow: DashboardRow?
    /// Pages counted for the summary (newsletters and hub).
    var pages = 0
    /// Pages taken unchanged from the previous build.
    var reused = 0
}

/// One line of the team dashboard, as text.
///
/// Kept for every customer until the dashboard is rendered, so the texts sit
/// in fixed slots (`DashboardRow.fields`) packed into one byte array
/// (`PackedTexts`) and the flags in bits: as an array of optional strings
/// a row took about 0.5 KiB, a fifth of what a build of 100,000 customers
/// held at its end.
struct DashboardRow: Sendable {
    /// Texts in the order of `DashboardRow.fields`, "" where `missing` has the slot's bit.
    private var texts: PackedTexts
    private var missing: UInt32
    private var flagBits: UInt8

    init(values: [String: String], flags: [String: Bool]) {
        texts = PackedTexts(Self.fields.map { values[$0] ?? "" })
        missing = 0
        for (bit, field) in Self.fields.enumerated() where values[field] == nil { missing |= 1 << bit }
        flagBits = 0
        for (bit, field) in Self.flagNames.enumerated() where flags[field] == true { flagBits |= 1 << bit }
    }

    /// The texts in slot order, nil where the customer has none.
    private var slots: [String?] {
        texts.texts.enumerated().map { missing & (1 << $0.offset) == 0 ? $0.element : nil }
    }

    /// The text of `field`, one of `DashboardRow.fields`.
    func value(_ field: String) -> String? {
        guard let slot = Self.slot[field], missing & (1 << slot) == 0 else { return nil }
        return texts[slot]
    }

    /// The flag `field`, one of `DashboardRow.flagNames`.
    func flag(_ field: String) -> Bool {
        guard let bit = Self.flagNames.firstIndex(of: field) else { return false }
        return flagBits & (1 << bit) != 0
    }

    /// The row as the dashboard layout sees it, made when the page needs it.
    var model: TemplateValue {
        var model = ViewModel(capacity: texts.count + Self.flagKeys.count)
        for (key, text) in zip(Self.fieldKeys, slots) { if let text { model.append(key, .text(text)) } }
        for (bit, key) in Self.flagKeys.enumerated() { model.append(key, .bool(flagBits & (1 << bit) != 0)) }
        return .object(model)
    }

    /// Every text and flag of the row in one string, for the dashboard's
    /// input hash.
    var fingerprint: String {
        slots.map { $0.map { "+" + $0 } ?? "-" }.joined(separator: "\u{1F}") + "\u{1F}\(flagBits)"
    }

    static let fields = textFields + ["hub_url", "sort_key", "days_overdue"]
    static let flagNames = flagFields + ["at_risk"]
    private static let fieldKeys = fields.map(TemplateKey.init)
    private static let flagKeys = flagNames.map(TemplateKey.init)
    private static let slot: [String: Int] = {
        precondition(fields.count <= 32, "one bit of `missing` a field")
        return Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1, $0) })
    }()
}

/// One file in manifest.json.
struct ManifestEntry: Sendable, Hashable, Codable {
    var path: String
    var customer: String?
    var kind: String
    /// The hash of what the file was made from (`InputHasher`).
    var inputs: Digest
    var sha256: Digest
    /// Warnings rendering this file gave, replayed when it is reused.
    var warnings: [Diagnostic]?

    init(path: String, customer: String?, kind: String, inputs: Digest, sha256: Digest, warnings: [Diagnostic]? = nil) {
        self.path = path
        self.customer = customer
        self.kind = kind
        self.inputs = inputs
        self.sha256 = sha256
        self.warnings = warnings
    }
}
