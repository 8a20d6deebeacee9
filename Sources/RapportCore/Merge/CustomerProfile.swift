import Foundation

/// A customer record with its known fields checked and typed: the dates,
/// money and scores that computed values and formatting need.
///
/// Every other column stays text in `record` for templates.
public struct CustomerProfile: Sendable, Hashable {
    public var record: CustomerRecord
    /// File-safe folder name, unique across customers.
    public var slug: String
    public var locale: String
    public var currency: String
    public var startDate: CalendarDate?
    public var renewalDate: CalendarDate?
    public var lastContact: CalendarDate?
    public var mrr: Decimal?
    public var healthScore: Double?
    public var nps: Int?

    public var id: String { record.id }

    /// The top-level text of `field`, trimmed, or nil when missing or empty.
    public func text(_ field: String) -> String? {
        guard case .text(let value)? = record.fields[field] else { return nil }
        let trimmed = value.trimmed
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
