import Foundation
import TestSupport
import Testing

@testable import RapportCore

@Suite struct MetricsLoaderTests {
    private static let path = "Content/metrics.csv"

    private func load(_ text: String, known: Set<String>? = ["C-1", "C-2"]) -> MetricsLoadResult {
        MetricsLoader().load(data: Data(text.utf8), displayPath: Self.path, knownCustomers: known)
    }

    private func month(_ text: String) -> YearMonth { YearMonth(iso: text)! }

    private func at(_ line: Int, _ column: Int? = nil) -> RapportCore.SourceLocation {
        RapportCore.SourceLocation(path: Self.path, line: line, column: column)
    }

    // MARK: - Forms

    @Test func readsWideFormWithGaps() {
        let result = load(
            """
            customer_id,month,Active Users,Seats
            C-1,2026-10,1240,10
            C-1,2026-11,,12
            C-2,2026-10, 5 ,
            """)
        #expect(result.diagnostics == [])
        #expect(result.table.metricNames == ["active_users", "seats"])
        #expect(result.table.series(customer: "C-1", metric: "active_users") == [month("2026-10"): 1240])
        #expect(result.table.series(customer: "C-1", metric: "seats") == [month("2026-10"): 10, month("2026-11"): 12])
        #expect(result.table.values["C-2"] == ["active_users": [month("2026-10"): 5]])
        #expect(result.table.series(customer: "C-3", metric: "seats") == [:])
    }

    @Test func readsLongFormInFirstSeenMetricOrder() {
        let result = load(
            """
            Customer ID;Month;Metric;Value
            C-1;2026-10;Seats;12
            C-1;2026-10;Active users;1240
            C-1;2026-11;active_users;-3.5
            C-2;2026-10;seats;
            """)
        #expect(result.diagnostics == [])
        #expect(result.table.metricNames == ["seats", "active_users"])
        #expect(result.table.series(customer: "C-1", metric: "active_users") == [month("2026-10"): 1240, month("2026-11"): -3.5])
        #expect(result.table.values["C-2"] == nil)
    }

    @Test func handlesByteOrderMarkCRLFAndTabs() {
        let result = load("\u{FEFF}customer_id\tmonth\tnps\r\nC-1\t2026-10\t+7\r\nC-2\t\"2026-11\"\t.5\r\n")
        #expect(result.diagnostics == [])
        #expect(result.table.values == ["C-1": ["nps": [month("2026-10"): 7]], "C-2": ["nps": [month("2026-11"): 0.5]]])
    }

    // MARK: - Problems

    @Test func nonNumericCellIsAWarningAndAGap() {
        let result = load("customer_id,month,active_users,seats\nC-1,2026-10,abc,3\n")
        #expect(
            result.diagnostics == [
                .warning("\"abc\" is not a number; active_users for 2026-10 is treated as no data", at: at(2, 13), customer: "C-1")
            ])
        #expect(
            result.diagnostics.map(\.description) == [
                "Content/metrics.csv:2:13: warning: \"abc\" is not a number; active_users for 2026-10 is treated as no data (customer C-1)"
            ])
        #expect(!result.hasErrors)
        #expect(result.table.values["C-1"] == ["seats": [month("2026-10"): 3]])
    }

    @Test func groupedNumbersAreWarnedAboutWithAHint() {
        let result = load("customer_id,month,mrr\nC-1,2026-10,\"1,234\"\nC-1,2026-11,1e3\nC-1,2026-12,12%\n")
        let hint = "\"1,234\" is not a plain number (write it without thousands separators, with \".\" for decimals); "
        #expect(
            result.diagnostics == [
                .warning(hint + "mrr for 2026-10 is treated as no data", at: at(2, 13), customer: "C-1"),
                .warning("\"1e3\" is not a number; mrr for 2026-11 is treated as no data", at: at(3, 13), customer: "C-1"),
                .warning("\"12%\" is not a number; mrr for 2026-12 is treated as no data", at: at(4, 13), customer: "C-1"),
            ])
        #expect(result.table.values["C-1"] == nil)
    }

    @Test func duplicateLongValueIsAnErrorNamingBothLines() {
        let result = load(
            """
            customer_id,month,metric,value
            C-1,2026-10,seats,1
            C-1,2026-11,seats,2
            C-1,2026-10,Seats,3
            """)
        #expect(
            result.diagnostics == [
                .error("duplicate value for seats in 2026-10 (first on line 2)", at: at(4, 1), customer: "C-1")
            ])
        #expect(result.table.series(customer: "C-1", metric: "seats") == [month("2026-10"): 1, month("2026-11"): 2])
    }

    @Test func duplicateWideRowIsAnErrorNamingBothLines() {
        let result = load("customer_id,month,seats\nC-1,2026-10,1\nC-2,2026-10,1\nC-1,2026-10,\n")
        #expect(
            result.diagnostics.map(\.description) == [
                "Content/metrics.csv:4:1: error: duplicate row for 2026-10 (first on line 2) (customer C-1)"
            ])
    }

    // Rows of one customer need not be together: the loader packs each
    // customer's values when rows for another come, and opens them again.
    @Test func interleavedCustomersGiveTheSameTableAsGroupedOnes() {
        let grouped = load(
            "customer_id,month,seats,mrr\nC-1,2026-10,1,10.5\nC-1,2026-11,2,\nC-2,2026-10,3,30\nC-2,2026-12,,-4\n")
        let interleaved = load(
            "customer_id,month,seats,mrr\nC-2,2026-12,,-4\nC-1,2026-11,2,\nC-2,2026-10,3,30\nC-1,2026-10,1,10.5\n")
        #expect(grouped.diagnostics == [])
        #expect(interleaved.diagnostics == [])
        #expect(interleaved.table == grouped.table)
        #expect(interleaved.table.fingerprint(for: "C-1") == grouped.table.fingerprint(for: "C-1"))
    }

    @Test func aDuplicateAfterOtherCustomersNamesTheFirstLine() {
        let result = load(
            """
            customer_id,month,metric,value
            C-1,2026-10,seats,1
            C-1,2026-11,seats,2
            C-2,2026-10,seats,7
            C-1,2026-11,mrr,5
            C-2,2026-11,seats,8
            C-1,2026-11,Seats,3
            C-2,2026-10,seats,9
            """)
        #expect(
            result.diagnostics.map(\.description) == [
                "Content/metrics.csv:7:1: error: duplicate value for seats in 2026-11 (first on line 3) (customer C-1)",
                "Content/metrics.csv:8:1: error: duplicate value for seats in 2026-10 (first on line 4) (customer C-2)",
            ])
        #expect(result.table.values["C-1"] == ["seats": [month("2026-10"): 1, month("2026-11"): 2], "mrr": [month("2026-11"): 5]])
    }

    @Test func badMonthIsAnError() {
        let result = load("customer_id,month,seats\nC-1,2026-13,1\nC-1,10/2026,2\nC-1,2026-12,3\n")
        #expect(
            result.diagnostics == [
                .error("bad month \"2026-13\": expected YYYY-MM, e.g. 2026-10", at: at(2, 5), customer: "C-1"),
                .error("bad month \"10/2026\": expected YYYY-MM, e.g. 2026-10", at: at(3, 5), customer: "C-1"),
            ])
        #expect(result.hasErrors)
        #expect(result.table.series(customer: "C-1", metric: "seats") == [month("2026-12"): 3])
    }

    @Test func unknownCustomerIsWarnedAboutOnce() {
        let result = load("customer_id,month,seats\nX-9,2026-10,1\nX-9,2026-11,2\nC-1,2026-10,3\n")
        #expect(result.diagnostics == [.warning("metrics for unknown customer \"X-9\"", at: at(2, 1))])
        // Kept: the caller decides (under --strict the warning fails the build).
        #expect(result.table.series(customer: "X-9", metric: "seats").count == 2)
        #expect(load("customer_id,month,seats\nX-9,2026-10,1\n", known: nil).diagnostics == [])
    }

    @Test func headerProblemsAreAllReported() {
        #expect(
            load("id,when,seats\nC-1,2026-10,1\n").diagnostics.map(\.description) == [
                "Content/metrics.csv:1: error: no \"customer_id\" column in the header (columns: id, when, seats)",
                "Content/metrics.csv:1: error: no \"month\" column in the header (columns: id, when, seats)",
            ])
        #expect(
            load("customer_id,month\nC-1,2026-10\n").diagnostics.map(\.message) == [
                "no metric columns: expected customer_id, month and one column per metric, or metric and value columns"
            ])
        #expect(
            load("customer_id,month,metric,value,note\n").diagnostics == [
                .error(
                    "unexpected column \"note\": a long metrics file has only customer_id, month, metric and value",
                    at: at(1, 32))
            ])
        #expect(load("").diagnostics == [.error("the file is empty: expected a header line", at: at(1))])
    }

    @Test func rowShapeAndIdProblemsAreErrors() {
        let result = load("customer_id,month,seats\nC-1,2026-10\n ,2026-10,1\nC-1,2026-11,\"4\n")
        #expect(
            result.diagnostics.map(\.description) == [
                "Content/metrics.csv:2:1: error: row has 2 fields, header has 3",
                "Content/metrics.csv:3:1: error: row has an empty \"customer_id\"",
                "Content/metrics.csv:4:13: error: unterminated quoted field: the quote opened here is never closed",
            ])
    }

    @Test func invalidUTF8IsAnError() {
        var data = Data("customer_id,month,seats\nC-1,2026-10,".utf8)
        data.append(contentsOf: [0xE9, 0x0A])
        let result = MetricsLoader().load(data: data, displayPath: Self.path, knownCustomers: nil)
        #expect(
            result.diagnostics.first
                == .error(
                    "invalid UTF-8 byte 0xE9 (column counted in bytes); save the file as UTF-8", at: at(2, 13)))
    }
}

/// A file (or bytes in memory) read a small window at a time gives exactly what the whole file gives.
@Suite struct MetricsWindowTests {
    private static let path = "Content/metrics.csv"

    /// A byte order mark, CRLF, blank lines, a quoted field with a line
    /// break and a doubled quote, problems on late lines and a Latin-1 byte.
    private static var file: Data {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(contentsOf: "customer_id;month;Active Users;Notes x\r\nC-1;2026-10;1240;\"two\r\nlines \"\"q\"\"\"\r\n\r\n".utf8)
        for month in 1...9 { data.append(contentsOf: "C-2;2026-0\(month);\(month * 7);plain\n".utf8) }
        data.append(contentsOf: "C-2;2026-03;1;dup\nC-9;2026-01;1,5;x\nC-1;bad;1;x\nC-1;2026-11;;\"never closed\n\n".utf8)
        return data
    }

    private static func withBytes(_ latin1: Bool) -> Data {
        var data = file
        if latin1 {
            data.append(contentsOf: "C-1;2026-12;3;caf".utf8)
            data.append(contentsOf: [0xE9, 0x0A])
        }
        return data
    }

    @Test(arguments: [false, true])
    func everyWindowSizeReadsTheSame(latin1: Bool) throws {
        let data = Self.withBytes(latin1)
        let whole = MetricsLoader().load(data: data, displayPath: Self.path, knownCustomers: ["C-1", "C-2"])
        #expect(whole.diagnostics.count >= 5, "the file's problems are found")
        #expect(whole.diagnostics.contains { $0.message.hasPrefix("invalid UTF-8 byte 0xE9") } == latin1)
        let url = TemporaryFolders.unusedPath("rapport-metrics").appendingPathExtension("csv")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        for size in [1, 2, 3, 5, 8, 13, 16, 31, 64, 100, 1 << 20] {
            var loader = MetricsLoader()
            loader.windowSize = size
            let windowed = loader.load(contentsOf: url, displayPath: Self.path, knownCustomers: ["C-1", "C-2"])
            #expect(windowed.diagnostics == whole.diagnostics, "window of \(size) bytes")
            #expect(windowed.table == whole.table, "window of \(size) bytes")
            let inMemory = loader.load(data: data, displayPath: Self.path, knownCustomers: ["C-1", "C-2"])
            #expect(inMemory.diagnostics == whole.diagnostics, "window of \(size) bytes, from memory")
            #expect(inMemory.table == whole.table, "window of \(size) bytes, from memory")
        }
    }
}
