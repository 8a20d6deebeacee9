import Foundation

/// Reads `manifest.json` back into a `Manifest`.
///
/// Written for the file's one shape, over the strict JSON parser the
/// records loader already uses: `JSONDecoder`'s keyed containers cost about
/// 8 µs per entry, half of a no-change rebuild at 10,000 customers (five
/// entries each). Entries are read one at a time, so no tree of the whole
/// file is ever held (one was 25 MB at 10,000 customers). Keys it does not
/// know are ignored and a missing or mistyped one gives nil, as the decoder
/// did; a round-trip test holds it to what `ManifestJSONWriter` writes.
enum ManifestReader {
    /// The manifest in `data`; nil when it is not one.
    static func read(_ data: Data) -> Manifest? {
        var files: [ManifestEntry] = []
        var sawFiles = false
        var others: [String: JSONValue] = [:]
        let parsed = data.withUnsafeBytes { raw -> Bool in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), start: 0)
            do {
                try parser.readDocument { parser throws(JSONParser.SyntaxError) in
                    guard parser.atObject else { throw parser.refuse("not a manifest") }
                    try parser.readObject(depth: 1) { parser, key, _ throws(JSONParser.SyntaxError) in
                        guard key == "files" else {
                            others[key] = try parser.parseValue(depth: 2)
                            return
                        }
                        guard parser.atArray else { throw parser.refuse("not a list of files") }
                        sawFiles = true
                        files = []
                        try parser.readArray(depth: 2) { parser throws(JSONParser.SyntaxError) in
                            guard parser.atObject, let entry = try entry(&parser) else { throw parser.refuse("not a manifest entry") }
                            files.append(entry)
                        }
                    }
                }
                return true
            } catch {
                return false
            }
        }
        guard parsed, sawFiles, let generator = string(others["generator"]) else { return nil }
        let inputs = others["inputs"]
        let sources = others["sources"]
        guard isAbsentOrString(inputs), isAbsentOrString(sources), let warnings = optionalDiagnostics(others["warnings"])
        else { return nil }
        var manifest = Manifest(inputs: string(inputs), sources: string(sources), warnings: [], files: files)
        manifest.generator = generator
        manifest.warnings = warnings
        return manifest
    }

    // MARK: - Private

    /// The entry object at the parser's position, read member by member
    /// straight into its fields, without a tree of it in between.
    private static func entry(_ parser: inout JSONParser) throws(JSONParser.SyntaxError) -> ManifestEntry? {
        var path: String?
        var kind: String?
        var inputs: Digest?
        var sha256: Digest?
        var customer: String?
        var customerIsValid = true
        var warnings: [Diagnostic]?? = .some(nil)
        try parser.readObject(depth: 3) { parser, key, _ throws(JSONParser.SyntaxError) in
            switch key {
            case "path": path = try parser.readString(depth: 4)
            case "kind": kind = try parser.readString(depth: 4)
            case "inputs": inputs = try parser.readString(depth: 4).flatMap(Digest.init(hex:))
            case "sha256": sha256 = try parser.readString(depth: 4).flatMap(Digest.init(hex:))
            case "customer":
                let value = try parser.parseValue(depth: 4)
                customerIsValid = isAbsentOrString(value)
                customer = string(value)
            case "warnings": warnings = optionalDiagnostics(try parser.parseValue(depth: 4))
            default: _ = try parser.parseValue(depth: 4)
            }
        }
        guard let path, let kind, let inputs, let sha256, customerIsValid, let warningList = warnings else { return nil }
        return ManifestEntry(path: path, customer: customer, kind: kind, inputs: inputs, sha256: sha256, warnings: warningList)
    }

    /// `.some(nil)` when the value is absent or null, nil when it is not a list of diagnostics.
    private static func optionalDiagnostics(_ value: JSONValue?) -> [Diagnostic]?? {
        guard let value, !isNull(value) else { return .some(nil) }
        guard let elements = array(value) else { return nil }
        var diagnostics: [Diagnostic] = []
        for element in elements {
            guard let diagnostic = diagnostic(element) else { return nil }
            diagnostics.append(diagnostic)
        }
        return .some(diagnostics)
    }

    private static func diagnostic(_ value: JSONValue) -> Diagnostic? {
        guard let members = object(value),
            let severity = string(members["severity"]).flatMap(Diagnostic.Severity.init(rawValue:)),
            let message = string(members["message"]),
            isAbsentOrString(members["customerID"])
        else { return nil }
        var location: SourceLocation?
        if let locationValue = members["location"], !isNull(locationValue) {
            guard let fields = object(locationValue), let path = string(fields["path"]),
                let line = optionalInt(fields["line"]), let column = optionalInt(fields["column"])
            else { return nil }
            location = SourceLocation(path: path, line: line, column: column)
        }
        return Diagnostic(severity, at: location, message, customer: string(members["customerID"]))
    }

    /// An object's members by key; the last of a repeated key wins, as with the decoder.
    private static func object(_ value: JSONValue) -> [String: JSONValue]? {
        guard case .object(let members) = value.kind else { return nil }
        var byKey: [String: JSONValue] = [:]
        byKey.reserveCapacity(members.count)
        for member in members { byKey[member.key] = member.value }
        return byKey
    }

    private static func array(_ value: JSONValue) -> [JSONValue]? {
        guard case .array(let elements) = value.kind else { return nil }
        return elements
    }

    private static func string(_ value: JSONValue?) -> String? {
        guard let value, case .string(let text) = value.kind else { return nil }
        return text
    }

    private static func isNull(_ value: JSONValue) -> Bool {
        if case .null = value.kind { return true }
        return false
    }

    private static func isAbsentOrString(_ value: JSONValue?) -> Bool {
        guard let value, !isNull(value) else { return true }
        return string(value) != nil
    }

    /// `.some(nil)` when absent or null, nil when present but not a whole number.
    private static func optionalInt(_ value: JSONValue?) -> Int?? {
        guard let value, !isNull(value) else { return .some(nil) }
        guard case .number(let text) = value.kind, let number = Int(text) else { return nil }
        return .some(number)
    }
}
