import Foundation

/// Checks ids and top-level keys the same way for every format, and collects
/// records and diagnostics until the whole file has been read.
struct RecordAssembler {
    let path: String
    /// The id field's name after normalisation.
    let idField: String
    private(set) var records: [CustomerRecord] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var firstLineByID: [String: Int] = [:]
    private var normalisedNames: [String: String] = [:]

    init(path: String, idField: String) {
        self.path = path
        self.idField = HeaderName.normalise(idField)
    }

    /// A location in this file.
    func location(line: Int?, column: Int? = nil) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// A location in this file from a tracker position.
    func location(_ position: TextPositionTracker.Position) -> SourceLocation {
        SourceLocation(path: path, line: position.line, column: position.column)
    }

    /// Field locations of a JSON or YAML record (all in this file).
    func positions(_ locations: [String: SourceLocation]) -> FieldPositions {
        FieldPositions(path: path, locations)
    }

    /// Records an error at `location`.
    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    /// Adds a record unless its id is missing, empty, not text or already used; each of those is reported.
    mutating func add(
        fields: RecordObject,
        fieldPositions: FieldPositions,
        at location: SourceLocation,
        reportMissingID: Bool = true
    ) {
        guard let value = fields[idField] else {
            if reportMissingID { error("record has no \"\(idField)\" field", at: location) }
            return
        }
        let idLocation = fieldPositions[idField] ?? location
        let raw: String
        switch value {
        case .text(let text): raw = text
        case .null: raw = ""
        case .list: return error("\"\(idField)\" must be a single value, not a list", at: idLocation)
        case .object: return error("\"\(idField)\" must be a single value, not an object", at: idLocation)
        }
        let id = Self.trimmed(raw)
        guard !id.isEmpty else { return error("record has an empty \"\(idField)\"", at: idLocation) }
        if let firstLine = firstLineByID[id] {
            return error("duplicate id \"\(id)\" (first used on line \(firstLine))", at: idLocation)
        }
        firstLineByID[id] = location.line ?? 0
        var fields = fields
        if id != raw { fields[idField] = .text(id) }
        records.append(CustomerRecord(id: id, fields: fields, location: location, fieldPositions: fieldPositions))
    }

    /// The normalised form of a JSON/YAML top-level key, or `nil` after reporting why it cannot be used.
    ///
    /// `seen` maps names already used in this object to their raw key and line.
    mutating func topLevelKey(
        _ raw: String,
        at keyLocation: SourceLocation,
        seen: inout [String: (raw: String, line: Int)]
    ) -> String? {
        let name = normalisedName(raw)
        guard !name.isEmpty else {
            error("key \"\(raw)\" has no letters or digits", at: keyLocation)
            return nil
        }
        if let first = seen[name] {
            if first.raw == raw {
                error("duplicate key \"\(raw)\" (first used on line \(first.line))", at: keyLocation)
            } else {
                error(
                    "duplicate key \"\(raw)\" (\"\(first.raw)\" on line \(first.line) also normalises to \"\(name)\")",
                    at: keyLocation)
            }
            return nil
        }
        seen[name] = (raw, keyLocation.line ?? 0)
        return name
    }

    /// All diagnostics ordered by line, then column, keeping discovery order for ties.
    var sortedDiagnostics: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
            let right = (rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }

    // MARK: - Helpers

    /// Cached because JSON/YAML files repeat the same keys in every record.
    private mutating func normalisedName(_ raw: String) -> String {
        if let name = normalisedNames[raw] { return name }
        let name = HeaderName.normalise(raw)
        normalisedNames[raw] = name
        return name
    }

    private static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
