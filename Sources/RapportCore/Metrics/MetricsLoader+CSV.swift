/// Walks the CSV rows with the customer records' reader and header checks.
extension MetricsLoader {
    /// Which columns hold what, once the header has been checked.
    private enum Layout {
        /// One column per metric: (metric name, column index).
        case wide([(name: String, column: Int)])
        /// `metric` and `value` columns.
        case long(metric: Int, value: Int)
    }

    /// Reads every row of `reader` into `collector`; throws when the file cannot be read.
    func readCSV(_ reader: CSVWindowReader, into collector: inout MetricsCollector) throws {
        var row = CSVReader.Row()
        var encodingReported = false
        // Reported as soon as the window has passed it, before the rows after it.
        func nextRow() throws -> Bool {
            let found = try reader.readRow(into: &row)
            if !encodingReported, let problem = reader.encodingProblem {
                collector.error(problem.message, at: collector.location(line: problem.line, column: problem.column))
                encodingReported = true
            }
            return found
        }
        guard try nextRow() else {
            return collector.error("the file is empty: expected a header line", at: collector.location(line: 1))
        }
        report(row.problems, into: &collector)
        var assembler = RecordAssembler(path: collector.path, idField: Self.customerColumn)
        let header = CSVHeader(row: row, idField: Self.customerColumn, assembler: &assembler)
        collector.absorb(assembler.diagnostics)
        // Each check reports its own problem, so all three run before giving up.
        let idColumn = column(Self.customerColumn, in: header)
        let monthColumn = requiredColumn(Self.monthColumn, in: header, headerLine: row.position.line, &collector)
        let layout = layout(of: header, headerRow: row, &collector)
        guard let idColumn, let monthColumn, let layout else { return }

        while try nextRow() {
            report(row.problems, into: &collector)
            if row.hasUnterminatedQuote { continue }
            let fieldCount = Self.countIgnoringTrailingEmpty(row.fields, minimum: header.names.count)
            guard fieldCount == header.names.count else {
                collector.error(
                    "row has \(fieldCount) \(fieldCount == 1 ? "field" : "fields"), header has \(header.names.count)",
                    at: collector.location(line: row.position.line, column: 1))
                continue
            }
            let idField = row.fields[idColumn]
            let id = String(idField.value.trimmed)
            guard !id.isEmpty else {
                collector.error("row has an empty \"\(Self.customerColumn)\"", at: collector.location(idField.position))
                continue
            }
            let monthField = row.fields[monthColumn]
            guard let month = YearMonth(iso: monthField.value) else {
                collector.error(
                    "bad month \"\(monthField.value)\": expected YYYY-MM, e.g. 2026-10",
                    at: collector.location(monthField.position), customer: id)
                continue
            }
            collector.check(customer: id, at: collector.location(idField.position))
            let line = row.position.line
            let rowLocation = collector.location(line: line, column: 1)
            switch layout {
            case .wide(let metrics):
                guard
                    collector.claim(
                        customer: id, month: month, metric: nil, line: line,
                        duplicateMessage: { "duplicate row for \(month) (first on line \($0))" }, at: rowLocation)
                else { continue }
                for metric in metrics {
                    let field = row.fields[metric.column]
                    collector.add(
                        cell: field.value, customer: id, month: month, metric: metric.name,
                        at: collector.location(field.position))
                }
            case .long(let metricColumn, let valueColumn):
                let nameField = row.fields[metricColumn]
                let name = HeaderName.normalise(nameField.value)
                guard !name.isEmpty else {
                    let message =
                        nameField.value.isBlank
                        ? "empty metric name"
                        : "metric name \"\(nameField.value)\" has no letters or digits"
                    collector.error(message, at: collector.location(nameField.position), customer: id)
                    continue
                }
                collector.declare(metric: name)
                guard
                    collector.claim(
                        customer: id, month: month, metric: name, line: line,
                        duplicateMessage: { "duplicate value for \(name) in \(month) (first on line \($0))" },
                        at: rowLocation)
                else { continue }
                let valueField = row.fields[valueColumn]
                collector.add(
                    cell: valueField.value, customer: id, month: month, metric: name,
                    at: collector.location(valueField.position))
            }
        }
    }

    // MARK: - Header

    private func column(_ key: String, in header: CSVHeader) -> Int? {
        header.keys.firstIndex(of: key).map { header.indices[$0] }
    }

    private func requiredColumn(
        _ key: String, in header: CSVHeader, headerLine: Int, _ collector: inout MetricsCollector
    ) -> Int? {
        if let index = column(key, in: header) { return index }
        collector.error(
            "no \"\(key)\" column in the header (columns: \(header.keys.joined(separator: ", ")))",
            at: collector.location(line: headerLine))
        return nil
    }

    private func layout(of header: CSVHeader, headerRow: CSVReader.Row, _ collector: inout MetricsCollector) -> Layout? {
        let fixed: Set<String> = [Self.customerColumn, Self.monthColumn]
        if let metric = column("metric", in: header), let value = column("value", in: header) {
            var usable = true
            for (key, index) in zip(header.keys, header.indices) where !fixed.contains(key) && key != "metric" && key != "value" {
                collector.error(
                    "unexpected column \"\(key)\": a long metrics file has only customer_id, month, metric and value",
                    at: collector.location(headerRow.fields[index].position))
                usable = false
            }
            return usable ? .long(metric: metric, value: value) : nil
        }
        let metrics = zip(header.keys, header.indices).filter { !fixed.contains($0.0) }.map { (name: $0.0, column: $0.1) }
        guard !metrics.isEmpty else {
            collector.error(
                "no metric columns: expected customer_id, month and one column per metric, or metric and value columns",
                at: collector.location(line: headerRow.position.line))
            return nil
        }
        for metric in metrics { collector.declare(metric: metric.name) }
        return .wide(metrics)
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
        into collector: inout MetricsCollector
    ) {
        for problem in problems { collector.error(problem.message, at: collector.location(problem.position)) }
    }
}
