/// CSV: the header names the fields, each later row is one record.
extension RecordLoader {
    func readCSV(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, into assembler: inout RecordAssembler) {
        let delimiter = self.delimiter.byte ?? CSVReader.detectDelimiter(in: buffer, start: start)
        var reader = CSVReader(bytes: buffer, start: start, delimiter: delimiter)
        var row = CSVReader.Row()
        guard reader.readRow(into: &row) else {
            return assembler.error("the file is empty: expected a header line", at: assembler.location(line: 1))
        }
        report(row.problems, into: &assembler)
        let header = CSVHeader(row: row, idField: assembler.idField, assembler: &assembler)

        // Every row has the same keys, so every record shares the header's keys array and
        // one key-to-position table; a row only adds its values, in key order.
        let keyPositions = KeyPositions(header.keys)
        while reader.readRow(into: &row) {
            report(row.problems, into: &assembler)
            if row.hasUnterminatedQuote { continue }
            let rowLocation = assembler.location(line: row.position.line, column: 1)
            let fieldCount = Self.countIgnoringTrailingEmpty(row.fields, minimum: header.names.count)
            guard fieldCount == header.names.count else {
                assembler.error(
                    "row has \(fieldCount) \(fieldCount == 1 ? "field" : "fields"), header has \(header.names.count)",
                    at: rowLocation)
                continue
            }
            guard header.hasIDColumn else { continue }
            var positions: [Int32] = []
            positions.reserveCapacity(2 * header.keys.count)
            for slot in header.keys.indices {
                let field = row.fields[header.indices[slot]]
                positions += [Int32(clamping: field.position.line), Int32(clamping: field.position.column)]
            }
            assembler.add(
                fields: RecordObject(
                    keys: header.keys, texts: header.indices.lazy.map { row.fields[$0].value }, positions: keyPositions),
                fieldPositions: FieldPositions(path: assembler.path, keys: header.keys, positions: positions),
                at: rowLocation,
                reportMissingID: false)
        }
    }

    // MARK: - Helpers

    /// The row's field count, not counting empty fields past the header's last column.
    private static func countIgnoringTrailingEmpty(_ fields: [CSVReader.Field], minimum: Int) -> Int {
        var count = fields.count
        while count > minimum, fields[count - 1].value.isEmpty { count -= 1 }
        return count
    }

    private func report(
        _ problems: [(message: String, position: TextPositionTracker.Position)],
        into assembler: inout RecordAssembler
    ) {
        for problem in problems { assembler.error(problem.message, at: assembler.location(problem.position)) }
    }
}
