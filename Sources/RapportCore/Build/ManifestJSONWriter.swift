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
    /// Where a file of entries ends (`Manifest.partBytes`; smaller in tests).
    var partBytes = Manifest.partBytes

    /// Writes `manifest`, handing `output` a piece at a time. Once
    /// `manifest.json` holds `Manifest.partBytes` of entries, the rest go
    /// to part files (`Manifest.partPath`), each handed whole to `writePart`
    /// and listed under `parts`, so no file grows with the site. The
    /// entries are the ones `entries` hands over, in order, not `manifest.files`.
    mutating func write(
        _ manifest: Manifest, entries: inout some ManifestEntrySource, to output: (Data) throws -> Void,
        writePart: (String, Data) throws -> Void
    ) throws {
        append("{\n  \"files\" : [")
        var parts: [String] = []
        var fileBytes = 0
        var entriesInFile = 0
        var entry: [UInt8] = []
        while true {
            entry.removeAll(keepingCapacity: true)
            guard try entries.appendNext(to: &entry) else { break }
            // A full file ends here, so every part holds at least one entry.
            if fileBytes >= partBytes {
                try endFile(parts: parts, output: output, writePart: writePart)
                parts.append(Manifest.partPath(parts.count + 2))
                append("{\n  \"files\" : [")
                (fileBytes, entriesInFile) = (0, 0)
            }
            let before = buffer.count
            append(entriesInFile == 0 ? "\n" : ",\n")
            buffer.append(contentsOf: entry)
            fileBytes += buffer.count - before
            entriesInFile += 1
            // manifest.json streams; a part is handed over whole.
            if parts.isEmpty, buffer.count >= Self.flushSize { try flush(to: output) }
        }
        if entriesInFile == 0 { append("\n") }
        try endFile(parts: parts, output: output, writePart: writePart)

        var fields: [(key: String, json: String)] = [("generator", PrettyJSON.quoted(manifest.generator))]
        if let inputs = manifest.inputs { fields.append(("inputs", PrettyJSON.quoted(inputs))) }
        if !parts.isEmpty { fields.append(("parts", try PrettyJSON.nested(parts, indent: "  "))) }
        if let sources = manifest.sources { fields.append(("sources", PrettyJSON.quoted(sources))) }
        if let warnings = manifest.warnings { fields.append(("warnings", try PrettyJSON.nested(warnings, indent: "  "))) }
        for (index, field) in fields.enumerated() {
            append("  \"\(field.key)\" : \(field.json)")
            append(index == fields.count - 1 ? "\n" : ",\n")
        }
        append("}\n")
        try flush(to: output)
    }

    /// Appends `entry` as the manifest lists it (`    { ... }`, no separator).
    /// Straight into the buffer, no string per field: a large build lists
    /// half a million entries, and building each field (and each digest's
    /// hex) as a string made spooling them 4.6% of a build's CPU.
    /// Bytes, not `Data`, whose appends of small pieces were half of it.
    static func append(_ entry: ManifestEntry, to buffer: inout [UInt8]) throws {
        buffer.append(contentsOf: "    {\n".utf8)
        if let customer = entry.customer { PrettyJSON.appendField("customer", customer, last: false, to: &buffer) }
        digestField("inputs", entry.inputs, last: false, to: &buffer)
        PrettyJSON.appendField("kind", entry.kind, last: false, to: &buffer)
        PrettyJSON.appendField("path", entry.path, last: false, to: &buffer)
        digestField("sha256", entry.sha256, last: entry.warnings == nil, to: &buffer)
        if let warnings = entry.warnings {
            buffer.append(contentsOf: "      \"warnings\" : ".utf8)
            buffer.append(contentsOf: try PrettyJSON.nested(warnings, indent: "      ").utf8)
            buffer.append(contentsOf: "\n".utf8)
        }
        buffer.append(contentsOf: "    }".utf8)
    }

    // MARK: - Private

    /// Closes the list of the file being written: `manifest.json` goes on
    /// with its other keys, a part is complete and handed to `writePart`.
    private mutating func endFile(
        parts: [String], output: (Data) throws -> Void, writePart: (String, Data) throws -> Void
    ) throws {
        guard let part = parts.last else {
            append("\n  ],\n")
            return try flush(to: output)
        }
        append("\n  ]\n}\n")
        try writePart(part, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A digest's field: hex digits never need escaping.
    private static func digestField(_ key: StaticString, _ digest: Digest, last: Bool, to buffer: inout [UInt8]) {
        PrettyJSON.appendKey(key, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
        digest.appendHex(to: &buffer)
        buffer.append(UInt8(ascii: "\""))
        PrettyJSON.appendEnd(last: last, to: &buffer)
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func flush(to output: (Data) throws -> Void) throws {
        guard !buffer.isEmpty else { return }
        try output(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Hands the manifest writer its entries, in the order they are listed.
protocol ManifestEntrySource {
    /// Appends the next entry as the manifest lists it to `buffer`
    /// (`ManifestJSONWriter.append(_:to:)`); false when none are left.
    mutating func appendNext(to buffer: inout [UInt8]) throws -> Bool
}

/// Entries held in memory, already in order.
struct ManifestEntryList: ManifestEntrySource {
    private let entries: [ManifestEntry]
    private var next = 0

    init(_ entries: [ManifestEntry]) {
        self.entries = entries
    }

    mutating func appendNext(to buffer: inout [UInt8]) throws -> Bool {
        guard next < entries.count else { return false }
        try ManifestJSONWriter.append(entries[next], to: &buffer)
        next += 1
        return true
    }
}
