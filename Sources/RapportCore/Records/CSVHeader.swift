/// The checked header row of a CSV file: which column feeds which normalised key.
struct CSVHeader {
    /// Normalised names of all columns, trailing empty ones dropped.
    let names: [String]
    /// Keys of usable columns in order (empty and repeated names left out), shared by every record.
    let keys: [String]
    /// The column index of each entry in `keys`.
    let indices: [Int]

    /// Whether the id column exists; without it rows are still checked but none becomes a record.
    let hasIDColumn: Bool

    /// Checks the header, reporting empty, unusable and repeated names and a missing id column.
    init(row: CSVReader.Row, idField: String, assembler: inout RecordAssembler) {
        var fields = row.fields
        // Spreadsheets often save `a,b,c,` or pad the header with empty columns.
        while let last = fields.last, last.value.allSatisfy(\.isWhitespace) { fields.removeLast() }
        var names: [String] = []
        var keys: [String] = []
        var indices: [Int] = []
        var firstColumn: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            let name = HeaderName.normalise(field.value)
            names.append(name)
            let location = assembler.location(field.position)
            if field.value.allSatisfy(\.isWhitespace) {
                assembler.error("empty column name (column \(index + 1))", at: location)
            } else if name.isEmpty {
                assembler.error(
                    "column name \"\(field.value)\" has no letters or digits (column \(index + 1))", at: location)
            } else if let first = firstColumn[name] {
                assembler.error("duplicate column \"\(name)\" (also column \(first))", at: location)
            } else {
                firstColumn[name] = index + 1
                keys.append(name)
                indices.append(index)
            }
        }
        self.names = names
        self.keys = keys
        self.indices = indices
        hasIDColumn = firstColumn[idField] != nil
        if !hasIDColumn {
            assembler.error(
                "no \"\(idField)\" column in the header (columns: \(keys.joined(separator: ", ")))",
                at: assembler.location(line: row.position.line))
        }
    }
}
