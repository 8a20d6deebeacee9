/// The `email:` section of `rapport.yml`: how `rapport outbox` addresses,
/// schedules and sizes each customer's message.
public struct EmailSettings: Sendable, Hashable {
    /// Who the message is from; `nil` parts fall back to `sender.name` /
    /// `sender.email`.
    public var fromName: String?
    public var fromAddress: String?
    public var replyTo: ReplyTo = .accountManager
    /// `https:` / `mailto:` URL templates for List-Unsubscribe
    /// (`https://x.example/u/{{customer.id}}`): values are percent-encoded.
    public var unsubscribe: [String] = []
    public var sendWindow = SendWindow(startMinute: 9 * 60, endMinute: 11 * 60)
    /// IANA time zone of customers whose record has no `timezone`.
    public var timezone = "UTC"
    /// HTML parts larger than this are a warning: Gmail clips messages
    /// over about 102 KB behind a "View entire message" link.
    public var maxHTMLBytes = 90_000
    /// Inline `style` attributes for the tags of the rendered Markdown, by
    /// tag name, over the built-in ones (`EmailHTML.defaultStyles`).
    public var styles: [String: String] = [:]
    /// Where `email.from` was written, for errors about it.
    var fromLocation: SourceLocation?
    var unsubscribeLocation: SourceLocation?

    public init() {}

    /// Where replies go.
    public enum ReplyTo: Sendable, Hashable {
        /// The customer's account manager (`account_manager_email`), else the sender.
        case accountManager
        /// No Reply-To header: replies go to `from`.
        case none
        case address(name: String?, address: String)
    }

    /// The local hours in which a message may be sent, e.g. `09:00-11:00`.
    public struct SendWindow: Sendable, Hashable {
        public var startMinute: Int
        public var endMinute: Int

        /// Parses `HH:MM-HH:MM` (24-hour clock, start before end).
        init?(_ text: String) {
            let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let start = Self.minute(of: parts[0]), let end = Self.minute(of: parts[1]), start < end else {
                return nil
            }
            self.init(startMinute: start, endMinute: end)
        }

        public init(startMinute: Int, endMinute: Int) {
            self.startMinute = startMinute
            self.endMinute = endMinute
        }

        private static func minute(of text: String) -> Int? {
            let fields = text.split(separator: ":")
            guard fields.count == 2, fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
                let hours = Int(fields[0]), let minutes = Int(fields[1]), (0...24).contains(hours), (0...59).contains(minutes),
                hours * 60 + minutes <= 24 * 60
            else { return nil }
            return hours * 60 + minutes
        }
    }
}
