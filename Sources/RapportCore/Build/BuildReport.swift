/// What a build did, for the one-line summary.
public struct BuildReport: Sendable, Hashable {
    public var customers: Int
    public var pages: Int
    /// Pages taken unchanged from the previous build instead of rendered.
    public var reused: Int = 0
    /// Nothing had changed: the output was left as it was.
    public var upToDate = false
    public var files: Int
    public var warnings: [Diagnostic]
    /// Customers left out by `--skip-invalid`, each reported in `warnings`.
    public var skippedCustomers: [String]
    public var seconds: Double

    /// "25 customers, 78 pages, 0 warnings, 0.41 s".
    public var summary: String {
        var parts = [
            "\(customers) customer\(customers == 1 ? "" : "s")",
            "\(pages) page\(pages == 1 ? "" : "s")",
            "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")",
        ]
        if reused > 0 { parts.append("\(reused) unchanged") }
        if !skippedCustomers.isEmpty { parts.append("\(skippedCustomers.count) skipped") }
        parts.append(String(format: "%.2f s", seconds))
        return parts.joined(separator: ", ")
    }
}
