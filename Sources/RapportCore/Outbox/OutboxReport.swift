import Foundation

/// What `rapport outbox` wrote, for the one-line summary.
public struct OutboxReport: Sendable {
    public var customers: Int
    public var messages: [OutboxMessage]
    public var warnings: [Diagnostic]
    /// Customers left out by `--skip-invalid`, each reported in `warnings`.
    public var skippedCustomers: [String]
    public var seconds: Double

    /// "25 customers, 25 messages, 0 warnings, 0.41 s".
    public var summary: String {
        var parts = [
            "\(customers) customer\(customers == 1 ? "" : "s")",
            "\(messages.count) message\(messages.count == 1 ? "" : "s")",
            "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")",
        ]
        if !skippedCustomers.isEmpty { parts.append("\(skippedCustomers.count) skipped") }
        parts.append(String(format: "%.2f s", seconds))
        return parts.joined(separator: ", ")
    }
}
