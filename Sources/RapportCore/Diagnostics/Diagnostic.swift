/// One problem found while loading or rendering a site.
///
/// Prints as `path:line:col: error: message` so editors and terminals can
/// jump to it; the customer, when known, is named in the message.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// The id of the customer the problem concerns, if any.
    public var customerID: String?

    public init(
        _ severity: Severity,
        at location: SourceLocation?,
        _ message: String,
        customer customerID: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.customerID = customerID
    }

    public static func error(_ message: String, at location: SourceLocation?, customer: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, customer: customer)
    }

    public static func warning(_ message: String, at location: SourceLocation?, customer: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, customer: customer)
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let customerID { text += " (customer \(customerID))" }
        return text
    }
}
