import Foundation

/// `manifest.json` of an outbox: every message with what a sending script
/// needs (recipient, file, size, hash, when to send), in file order.
struct OutboxManifest: Encodable {
    struct Entry: Encodable {
        var customer_id: String
        var kind: String
        var edition: String
        var to: String
        var subject: String
        var file: String
        var bytes: Int
        var sha256: String
        var message_id: String
        var send_after: String
        var send_before: String
    }

    struct Skipped: Encodable {
        var customer_id: String
        var reason: String
    }

    var generator: String
    var messages: [Entry]
    var skipped: [Skipped]

    init(messages: [OutboxMessage], skipped: [Skipped]) {
        generator = PageRenderer.generator
        self.messages = messages.map { message in
            Entry(
                customer_id: message.customerID, kind: message.kind, edition: message.edition, to: message.to,
                subject: message.subject, file: message.file, bytes: message.bytes, sha256: message.sha256,
                message_id: message.messageID, send_after: SendSchedule.iso8601(message.sendAfter),
                send_before: SendSchedule.iso8601(message.sendBefore))
        }
        self.skipped = skipped
    }

    /// Pretty-printed with sorted keys: the same outbox, the same bytes.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
