import Foundation
import Testing

@testable import RapportCore

/// The outbox manifest is written by hand (`PrettyJSON`); these hold it to
/// what `JSONEncoder` writes for the same value, byte for byte, including
/// text that needs escaping and the empty lists.
@Suite struct OutboxManifestTests {
    static func message(_ id: String, subject: String, to: String = "a@example.com") -> OutboxMessage {
        OutboxMessage(
            customerID: id, customerName: "Name", kind: "newsletter", edition: "2026-11", to: to, from: "Us <us@example.com>",
            replyTo: nil, subject: subject, file: "new/\(id)-newsletter-2026-11.eml", bytes: 12_345,
            sha256: String(repeating: "ab", count: 32), messageID: "<1.2@example.com>",
            sendAfter: Date(timeIntervalSince1970: 1_795_000_000), sendBefore: Date(timeIntervalSince1970: 1_795_010_000))
    }

    static func encoderBytes(_ manifest: OutboxManifest) throws -> Data {
        var data = try PrettyJSON.encoder.encode(manifest)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    @Test(arguments: [
        "November at Acme",
        "Quotes \"and\" back\\slash, a/slash",
        "Control \u{1}\u{8}\u{C}\t\u{1F} characters",
        "Ünïcödé, 日本語 and 🧑🏽‍💻",
        "",
    ])
    func messagesMatchJSONEncoder(subject: String) throws {
        let manifest = OutboxManifest(
            messages: [Self.message("c-1", subject: subject), Self.message("c-\"2\"", subject: "Second", to: "b@example.com")],
            skipped: [])
        #expect(try manifest.encoded() == Self.encoderBytes(manifest))
    }

    @Test func emptyListsMatchJSONEncoder() throws {
        let manifest = OutboxManifest(messages: [], skipped: [])
        let written = try manifest.encoded()
        #expect(written == (try Self.encoderBytes(manifest)))
        #expect(String(decoding: written, as: UTF8.self).contains("\"messages\" : [\n\n  ],\n  \"skipped\" : [\n\n  ]\n}"))
    }

    @Test func skippedCustomersMatchJSONEncoder() throws {
        let manifest = OutboxManifest(
            messages: [Self.message("c-1", subject: "Hello")],
            skipped: [.init(customer_id: "c-9", reason: "no email address; \"x\" is not valid")])
        #expect(try manifest.encoded() == Self.encoderBytes(manifest))
    }
}
