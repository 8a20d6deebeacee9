import Foundation

/// One message of the outbox, as its manifest lists it; `html` and `text`
/// are kept only for the preview.
public struct OutboxMessage: Sendable, Hashable {
    public var customerID: String
    public var customerName: String
    public var kind: String
    public var edition: String
    /// The envelope recipient: the bare address.
    public var to: String
    public var from: String
    public var replyTo: String?
    public var subject: String
    /// `new/<slug>-<kind>-<edition>.eml`, relative to the outbox.
    public var file: String
    public var bytes: Int
    public var sha256: String
    public var messageID: String
    public var sendAfter: Date
    public var sendBefore: Date
    /// The decoded parts, for `rapport serve`.
    public var html: String?
    public var text: String?
    public var eml: Data?
}
