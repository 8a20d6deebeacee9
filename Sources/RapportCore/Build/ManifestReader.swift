import Foundation

/// Reads `manifest.json` (and the part files it lists) back into a `Manifest`.
///
/// Written for the file's one shape, over the strict JSON parser the
/// records loader already uses: `JSONDecoder`'s keyed containers cost about
/// 8 µs per entry, half of a no-change rebuild at 10,000 customers (five
/// entries each). Entries are read one at a time, so no tree of the whole
/// file is ever held (one was 25 MB at 10,000 customers). Warnings are rare
/// and nested, so, as `ManifestJSONWriter` encodes them, they are decoded
/// by `Diagnostic`'s own `Codable`. Keys it does not know are ignored and a
/// missing or mistyped one gives nil, as the decoder did; a round-trip test
/// holds it to what the writer writes.
enum ManifestReader {
    /// The manifest in `output` (`manifest.json` and its part files); nil
    /// when there is none or it cannot be read.
    static func read(from output: URL) -> Manifest? {
        guard let data = try? Data(contentsOf: output.appendingPathComponent(SitePaths.manifest)) else { return nil }
        return read(data) { try? Data(contentsOf: output.appendingPathComponent($0)) }
    }

    /// The manifest in `data`, whose part files `part` reads (by their path
    /// in the output); nil when it is not one or a part is missing.
    static func read(_ data: Data, part: (String) -> Data? = { _ in nil }) -> Manifest? {
        var files: [ManifestEntry]?
        var parts: [String] = []
        var generator: String?
        var inputs: String?? = .some(nil)
        var sources: String?? = .some(nil)
        var warnings: [Diagnostic]?? = .some(nil)
        let parsed = readMembers(of: data) { parser, key throws(JSONParser.SyntaxError) in
            switch key {
            case "files": files = try entries(&parser, in: data)
            case "generator": generator = try parser.readString(depth: 2)
            case "inputs": inputs = optionalString(try parser.parseValue(depth: 2))
            case "parts":
                guard parser.atArray else { throw parser.refuse("not a list of parts") }
                try parser.readArray(depth: 2) { parser throws(JSONParser.SyntaxError) in
                    guard let path = try parser.readString(depth: 3) else { throw parser.refuse("not a part") }
                    parts.append(path)
                }
            case "sources": sources = optionalString(try parser.parseValue(depth: 2))
            case "warnings": warnings = diagnostics(in: data, at: try parser.readRawValue(depth: 2))
            default: _ = try parser.parseValue(depth: 2)
            }
        }
        guard parsed, var files, let generator, let inputs, let sources, let warnings else { return nil }
        for (index, path) in parts.enumerated() {
            // Only the part files a manifest is written with, in their order:
            // no other path is taken from a file rapport did not write itself.
            guard path == Manifest.partPath(index + 2), let partData = part(path), let more = partEntries(partData)
            else { return nil }
            files += more
        }
        var manifest = Manifest(inputs: inputs, sources: sources, warnings: [], files: files)
        manifest.generator = generator
        manifest.warnings = warnings
        return manifest
    }

    /// The entries of a part file (`{"files": [...]}`); nil when it is not one.
    private static func partEntries(_ data: Data) -> [ManifestEntry]? {
        var files: [ManifestEntry]?
        let parsed = readMembers(of: data) { parser, key throws(JSONParser.SyntaxError) in
            if key == "files" { files = try entries(&parser, in: data) } else { _ = try parser.parseValue(depth: 2) }
        }
        return parsed ? files : nil
    }

    /// Reads the JSON object in `data` member by member; false when it is
    /// not one (or `member` refuses what it finds).
    private static func readMembers(
        of data: Data, _ member: (inout JSONParser, String) throws(JSONParser.SyntaxError) -> Void
    ) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), start: 0)
            do {
                try parser.readDocument { parser throws(JSONParser.SyntaxError) in
                    guard parser.atObject else { throw parser.refuse("not a manifest") }
                    try parser.readObject(depth: 1) { parser, key, _ throws(JSONParser.SyntaxError) in try member(&parser, key) }
                }
                return true
            } catch {
                return false
            }
        }
    }

    /// The list of entries at the parser's position.
    private static func entries(_ parser: inout JSONParser, in data: Data) throws(JSONParser.SyntaxError) -> [ManifestEntry] {
        guard parser.atArray else { throw parser.refuse("not a list of files") }
        var entries: [ManifestEntry] = []
        try parser.readArray(depth: 2) { parser throws(JSONParser.SyntaxError) in
            guard parser.atObject, let entry = try entry(&parser, in: data) else {
                throw parser.refuse("not a manifest entry")
            }
            entries.append(entry)
        }
        return entries
    }

    // MARK: - Private

    /// The entry object at the parser's position, read member by member
    /// straight into its fields, without a tree of it in between.
    private static func entry(_ parser: inout JSONParser, in data: Data) throws(JSONParser.SyntaxError) -> ManifestEntry? {
        var path: String?
        var kind: String?
        var inputs: Digest?
        var sha256: Digest?
        var customer: String?? = .some(nil)
        var warnings: [Diagnostic]?? = .some(nil)
        try parser.readObject(depth: 3) { parser, key, _ throws(JSONParser.SyntaxError) in
            switch key {
            case "path": path = try parser.readString(depth: 4)
            case "kind": kind = try parser.readString(depth: 4)
            case "inputs": inputs = try parser.readString(depth: 4).flatMap(Digest.init(hex:))
            case "sha256": sha256 = try parser.readString(depth: 4).flatMap(Digest.init(hex:))
            case "customer": customer = optionalString(try parser.parseValue(depth: 4))
            case "warnings": warnings = diagnostics(in: data, at: try parser.readRawValue(depth: 4))
            default: _ = try parser.parseValue(depth: 4)
            }
        }
        guard let path, let kind, let inputs, let sha256, let customer, let warnings else { return nil }
        return ManifestEntry(path: path, customer: customer, kind: kind, inputs: inputs, sha256: sha256, warnings: warnings)
    }

    /// The text of a string, `.some(nil)` for null, nil for anything else.
    private static func optionalString(_ value: JSONValue) -> String?? {
        switch value.kind {
        case .string(let text): return .some(text)
        case .null: return .some(nil)
        default: return nil
        }
    }

    /// The diagnostics list (or null) whose bytes lie at `range`, counted
    /// from the start of `data`; nil when it is not one.
    private static func diagnostics(in data: Data, at range: Range<Int>) -> [Diagnostic]?? {
        let bytes = data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)]
        // Not `try?`, which would flatten a failure into `.some(nil)`.
        do {
            return .some(try JSONDecoder().decode([Diagnostic]?.self, from: bytes))
        } catch {
            return nil
        }
    }
}
