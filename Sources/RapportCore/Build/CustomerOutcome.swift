/// What rendering one customer produced, collected from the workers.
struct CustomerOutcome: Sendable {
    var files: [ManifestEntry] = []
    var diagnostics: [Diagnostic] = []
    var dashboardRow: DashboardRow?
    /// Pages counted for the summary (newsletters and hub).
    var pages = 0
    /// Pages taken unchanged from the previous build.
    var reused = 0
}

/// One line of the team dashboard, as text (view models are not Sendable).
struct DashboardRow: Sendable {
    var values: [String: String]
    var flags: [String: Bool]

    var model: ViewModel {
        var model: ViewModel = values
        for (key, flag) in flags { model[key] = flag }
        return model
    }
}

/// One file in manifest.json.
struct ManifestEntry: Sendable, Hashable, Codable {
    var path: String
    var customer: String?
    var kind: String
    var inputs: String
    var sha256: String
    /// Warnings rendering this file gave, replayed when it is reused.
    var warnings: [Diagnostic]?
}
