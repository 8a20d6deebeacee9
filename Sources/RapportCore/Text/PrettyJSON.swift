import Foundation

/// Pieces of pretty-printed, key-sorted JSON, byte for byte what
/// `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// writes, for the manifests (`manifest.json` of a build and of an outbox)
/// that list one object per page or message.
///
/// Written by hand because `JSONEncoder` builds a tree of every value before
/// it writes a byte: 1.5% of an outbox's CPU, all of it on one core at the
/// end of the run (about 3% of its wall time). Anything that needs escaping still goes through the
/// encoder, so its escaping rules are followed exactly.
enum PrettyJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `      "key" : ` — the depth of a field of an object in a top-level array.
    static func appendKey(_ key: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: "      \"".utf8)
        buffer.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        buffer.append(contentsOf: "\" : ".utf8)
    }

    /// The comma (unless it is the object's last field) and the newline.
    static func appendEnd(last: Bool, to buffer: inout [UInt8]) {
        if !last { buffer.append(UInt8(ascii: ",")) }
        buffer.append(UInt8(ascii: "\n"))
    }

    /// A string field at ``appendKey(_:to:)``'s depth.
    static func appendField(_ key: StaticString, _ value: String, last: Bool, to buffer: inout [UInt8]) {
        appendKey(key, to: &buffer)
        appendQuoted(value, to: &buffer)
        appendEnd(last: last, to: &buffer)
    }

    /// A whole-number field at ``appendKey(_:to:)``'s depth.
    static func appendField(_ key: StaticString, _ value: Int, last: Bool, to buffer: inout [UInt8]) {
        appendKey(key, to: &buffer)
        buffer.append(contentsOf: String(value).utf8)
        appendEnd(last: last, to: &buffer)
    }

    /// `text` as a JSON string.
    static func appendQuoted(_ text: String, to buffer: inout [UInt8]) {
        if isPlain(text) {
            buffer.append(UInt8(ascii: "\""))
            buffer.append(contentsOf: text.utf8)
            buffer.append(UInt8(ascii: "\""))
        } else {
            // A String always encodes; the fallback only satisfies the type.
            buffer.append(contentsOf: (try? encoder.encode(text)) ?? Data("\"\"".utf8))
        }
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String {
        var buffer: [UInt8] = []
        appendQuoted(text, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Whether `text` goes between quotes as it is.
    static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    /// A value encoded on its own, its later lines moved right to where it sits.
    static func nested(_ value: some Encodable, indent: String) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self).replacingOccurrences(of: "\n", with: "\n" + indent)
    }
}
