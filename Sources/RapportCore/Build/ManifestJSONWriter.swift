import Foundation

/// Writes a `Manifest` as pretty-printed JSON with sorted keys, a buffer at
/// a time, byte for byte what `JSONEncoder` writes for it.
///
/// Keys are written in sorted order by hand (the order of the `case`s
/// below); warnings are rare and nested, so they still go through
/// `JSONEncoder` and are indented to their depth.
struct ManifestJSONWriter {
    private var buffer = Data()
    private static let flushSize = 1 << 16

    /// Writes `manifest`, handing `output` a piece at a time.
    mutating func write(_ manifest: Manifest, to output: (Data) throws -> Void) throws {
        append("{\n  \"files\" : [")
        for (index, entry) in manifest.files.enumerated() {
            append(index == 0 ? "\n" : ",\n")
            try write(entry)
            if buffer.count >= Self.flushSize { try flush(to: output) }
        }
        append(manifest.files.isEmpty ? "\n\n  ],\n" : "\n  ],\n")
        try field("generator", manifest.generator, indent: "  ", last: manifest.inputs == nil && manifest.sources == nil && manifest.warnings == nil)
        if let inputs = manifest.inputs {
            try field("inputs", inputs, indent: "  ", last: manifest.sources == nil && manifest.warnings == nil)
        }
        if let sources = manifest.sources {
            try field("sources", sources, indent: "  ", last: manifest.warnings == nil)
        }
        if let warnings = manifest.warnings {
            append("  \"warnings\" : ")
            append(try Self.nested(warnings, indent: "  "))
            append("\n")
        }
        append("}\n")
        try flush(to: output)
    }

    // MARK: - Private

    private mutating func write(_ entry: ManifestEntry) throws {
        append("    {\n")
        if let customer = entry.customer { try field("customer", customer, indent: "      ", last: false) }
        try field("inputs", entry.inputs.description, indent: "      ", last: false)
        try field("kind", entry.kind, indent: "      ", last: false)
        try field("path", entry.path, indent: "      ", last: false)
        try field("sha256", entry.sha256.description, indent: "      ", last: entry.warnings == nil)
        if let warnings = entry.warnings {
            append("      \"warnings\" : ")
            append(try Self.nested(warnings, indent: "      "))
            append("\n")
        }
        append("    }")
    }

    private mutating func field(_ key: String, _ value: String, indent: String, last: Bool) throws {
        append(indent)
        append("\"\(key)\" : ")
        append(try Self.quoted(value))
        append(last ? "\n" : ",\n")
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func flush(to output: (Data) throws -> Void) throws {
        guard !buffer.isEmpty else { return }
        try output(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A JSON string; anything that needs escaping is left to the encoder,
    /// so its escaping rules are followed exactly.
    private static func quoted(_ text: String) throws -> String {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain { return "\"\(text)\"" }
        return String(decoding: try encoder.encode(text), as: UTF8.self)
    }

    /// A value encoded on its own, its later lines moved right to where it sits.
    private static func nested(_ value: some Encodable, indent: String) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self).replacingOccurrences(of: "\n", with: "\n" + indent)
    }
}
