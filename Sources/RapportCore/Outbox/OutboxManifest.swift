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
    /// Byte for byte what `JSONEncoder` writes for this value (a test holds
    /// the two together), without building the encoder's tree of every
    /// message on one core at the end of the run.
    func encoded() throws -> Data {
        var json: [UInt8] = []
        json.reserveCapacity(128 + messages.count * 640)
        json.append(contentsOf: "{\n  \"generator\" : ".utf8)
        PrettyJSON.appendQuoted(generator, to: &json)
        json.append(contentsOf: ",\n  \"messages\" : [\n".utf8)
        for (index, entry) in messages.enumerated() {
            if index > 0 { json.append(contentsOf: ",\n".utf8) }
            entry.append(to: &json)
        }
        json.append(contentsOf: "\n  ],\n".utf8)
        json.append(contentsOf: "  \"skipped\" : ".utf8)
        json.append(contentsOf: skipped.isEmpty ? "[\n\n  ]".utf8 : try PrettyJSON.nested(skipped, indent: "  ").utf8)
        json.append(contentsOf: "\n}\n".utf8)
        return Data(json)
    }
}

extension OutboxManifest.Entry {
    /// `    { ... }` with the keys in sorted order, no separator.
    fileprivate func append(to json: inout [UInt8]) {
        json.append(contentsOf: "    {\n".utf8)
        PrettyJSON.appendField("bytes", bytes, last: false, to: &json)
        PrettyJSON.appendField("customer_id", customer_id, last: false, to: &json)
        PrettyJSON.appendField("edition", edition, last: false, to: &json)
        PrettyJSON.appendField("file", file, last: false, to: &json)
        PrettyJSON.appendField("kind", kind, last: false, to: &json)
        PrettyJSON.appendField("message_id", message_id, last: false, to: &json)
        PrettyJSON.appendField("send_after", send_after, last: false, to: &json)
        PrettyJSON.appendField("send_before", send_before, last: false, to: &json)
        PrettyJSON.appendField("sha256", sha256, last: false, to: &json)
        PrettyJSON.appendField("subject", subject, last: false, to: &json)
        PrettyJSON.appendField("to", to, last: true, to: &json)
        json.append(contentsOf: "    }".utf8)
    }
}
