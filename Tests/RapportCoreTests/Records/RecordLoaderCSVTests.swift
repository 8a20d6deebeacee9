import Foundation
import TestSupport
import Testing

@testable import RapportCore

@Suite struct RecordLoaderCSVTests {
    typealias F = RecordFixture

    // MARK: - Reading

    @Test func readsBasicFile() throws {
        let records = try F.load("id,First Name,MRR (EUR)\nC-1,Ada,100\nC-2,Grace,200\n", as: .csv)
        #expect(records.map(\.id) == ["C-1", "C-2"])
        #expect(records[0].fields == ["id": "C-1", "first_name": "Ada", "mrr_eur": "100"])
        #expect(records[0].fields.keys == ["id", "first_name", "mrr_eur"])
        #expect(records[1].location == F.at(3, 1))
        #expect(records[1].fieldLocations == ["id": F.at(3, 1), "first_name": F.at(3, 5), "mrr_eur": F.at(3, 11)])
    }

    @Test func readsQuotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let csv = """
            id,name,notes
            C-1,"Acme, Inc.","She said ""hi""
            and left"
            C-2,Beta,"plain"
            """
        let records = try F.load(csv, as: .csv)
        #expect(records[0].fields["name"] == "Acme, Inc.")
        #expect(records[0].fields["notes"] == "She said \"hi\"\nand left")
        #expect(records[0].fieldLocations["notes"] == F.at(2, 18))
        // The quoted newline pushes the next row down a physical line.
        #expect(records[1].location == F.at(4, 1))
        #expect(records[1].fields["notes"] == "plain")
    }

    @Test func readsCRLFLineEndings() throws {
        let records = try F.load("id,name\r\nC-1,\"Ada\"\r\nC-2,\"Two\r\nLines\"\r\nC-3,Grace\r\n", as: .csv)
        #expect(records.map(\.fields) == [
            ["id": "C-1", "name": "Ada"],
            ["id": "C-2", "name": "Two\r\nLines"],
            ["id": "C-3", "name": "Grace"],
        ])
        #expect(records.map(\.location.line) == [2, 3, 5])
    }

    @Test func stripsByteOrderMark() throws {
        let records = try F.load("\u{FEFF}id,name\nC-1,Ada\n", as: .csv)
        #expect(records[0].fields == ["id": "C-1", "name": "Ada"])
        #expect(records[0].fieldLocations["id"] == F.at(2, 1))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let records = try F.load("id,name,plan\nC-1,Zoë Ålund,pro\n", as: .csv)
        #expect(records[0].fieldLocations["plan"] == F.at(2, 15))
    }

    @Test(arguments: [
        ("id;name;note\nC-1;Ada;a,b\n", "a,b"),
        ("id\tname\tnote\nC-1\tAda\ta;b\n", "a;b"),
        ("\"i,d\";name;note\nC-1;Ada;x\n", "x"),
    ])
    func detectsDelimiterFromHeader(csv: String, note: String) throws {
        let records = try F.load(csv, as: .csv, loader: RecordLoader(idField: "name"))
        #expect(records[0].fields["note"] == .text(note))
        #expect(records[0].id == "Ada")
    }

    @Test func detectionTieGoesToComma() throws {
        let records = try F.load("id,a;b\nC-1,x;y\n", as: .csv)
        #expect(records[0].fields == ["id": "C-1", "a_b": "x;y"])
    }

    @Test func givenDelimiterOverridesDetection() throws {
        let records = try F.load("id;name,first;x\nC-1;Ada,B;1\n", as: .csv, loader: RecordLoader(delimiter: .semicolon))
        #expect(records[0].fields == ["id": "C-1", "name_first": "Ada,B", "x": "1"])
    }

    @Test(arguments: [
        ("auto", CSVDelimiter.auto), (",", .comma), (";", .semicolon), ("\t", .tab), ("tab", .tab),
    ])
    func parsesDelimiterConfigValues(value: String, expected: CSVDelimiter) {
        #expect(CSVDelimiter(configValue: value) == expected)
    }

    @Test func rejectsUnknownDelimiterConfigValue() {
        #expect(CSVDelimiter(configValue: "|") == nil)
    }

    @Test func ignoresTrailingEmptyColumns() throws {
        let csv = "id,name,,\nC-1,Ada,,\nC-2,Grace\nC-3,Linus,,,,\n"
        let records = try F.load(csv, as: .csv)
        #expect(records.map(\.fields) == [
            ["id": "C-1", "name": "Ada"], ["id": "C-2", "name": "Grace"], ["id": "C-3", "name": "Linus"],
        ])
    }

    @Test func ignoresBlankLinesAtEnd() throws {
        let records = try F.load("id,name\nC-1,Ada\n\n\r\n\n", as: .csv)
        #expect(records.map(\.id) == ["C-1"])
    }

    @Test func readsLastRowWithoutNewline() throws {
        let records = try F.load("id,name\nC-1,Ada\nC-2,", as: .csv)
        #expect(records.map(\.fields) == [["id": "C-1", "name": "Ada"], ["id": "C-2", "name": ""]])
    }

    @Test func keepsValuesAsWritten() throws {
        let csv = "id;country;zip;amount;active;price\nC-1;NO;02134;\"1.234,50\";true;1.50\n"
        let records = try F.load(csv, as: .csv)
        #expect(records[0].fields == [
            "id": "C-1", "country": "NO", "zip": "02134", "amount": "1.234,50", "active": "true", "price": "1.50",
        ])
    }

    @Test func trimsIDButKeepsOtherValues() throws {
        let records = try F.load("id,name\n  C-1 , Ada \n", as: .csv)
        #expect(records[0].id == "C-1")
        #expect(records[0].fields == ["id": "C-1", "name": " Ada "])
    }

    @Test func usesNormalisedIDField() throws {
        let records = try F.load("Customer ID,name\nC-9,Ada\n", as: .csv, loader: RecordLoader(idField: "Customer ID"))
        #expect(records[0].id == "C-9")
        #expect(records[0].fields.keys == ["customer_id", "name"])
    }

    @Test func loadsGeneratedTenThousandRows() throws {
        var csv = "id," + (1..<20).map { "Column \($0)" }.joined(separator: ",") + "\n"
        for row in 0..<10_000 {
            csv += "C-\(row)," + (1..<20).map { "\"v \($0), \(row)\"" }.joined(separator: ",") + "\n"
        }
        let records = try F.load(csv, as: .csv)
        #expect(records.count == 10_000)
        #expect(records[9_999].fields["column_19"] == "v 19, 9999")
        #expect(records[9_999].location.line == 10_001)
    }

    @Test(arguments: [
        ("customers.csv", "id\nC-1\n", 2, 1),
        ("customers.TSV", "id\tname\nC-1\tAda\n", 2, 1),
        ("customers.json", "[\n {\"id\": \"C-1\"}]", 2, 2),
        ("customers.yml", "- id: C-1\n", 1, 3),
        ("customers.yaml", "\n- id: C-1\n", 2, 3),
    ])
    func loadsFromFileChoosingFormatByExtension(name: String, text: String, line: Int, column: Int) throws {
        let directory = TemporaryFolders.make("rapport-records")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        let records = try RecordLoader().load(contentsOf: url, displayPath: "Content/\(name)")
        #expect(records.map(\.id) == ["C-1"])
        #expect(records.map(\.location) == [RapportCore.SourceLocation(path: "Content/\(name)", line: line, column: column)])
    }

    @Test func reportsUnreadableFile() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/rapport/customers.csv")
        let error = try #require(throws: DiagnosticList.self) {
            try RecordLoader().load(contentsOf: missing, displayPath: "customers.csv")
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.location == RapportCore.SourceLocation(path: "customers.csv"))
        #expect(error.diagnostics.first?.message.hasPrefix("cannot read the records file: ") == true)
    }

    @Test func reportsUnknownExtension() {
        let unknown = URL(fileURLWithPath: "/nonexistent/customers.txt")
        #expect(throws: DiagnosticList([.error(
            "unknown records format \"txt\": use .csv, .json, .yaml or .yml",
            at: RapportCore.SourceLocation(path: "customers.txt"))])
        ) { try RecordLoader().load(contentsOf: unknown, displayPath: "customers.txt") }
    }

    // MARK: - Errors

    @Test func reportsRowWithTooFewFields() {
        #expect(F.diagnostics("id,name,plan\nC-1,Ada\n", as: .csv) == [
            F.error("row has 2 fields, header has 3", line: 2, column: 1)
        ])
    }

    @Test func reportsRowWithTooManyFields() {
        #expect(F.diagnostics("id,name\nC-1,Ada,pro,,\n", as: .csv) == [
            F.error("row has 3 fields, header has 2", line: 2, column: 1)
        ])
    }

    @Test func reportsDuplicateColumnNamingBoth() {
        #expect(F.diagnostics("id,email,name,E-Mail,Email\nC-1,a,b,c,d\n", as: .csv) == [
            F.error("duplicate column \"email\" (also column 2)", line: 1, column: 22)
        ])
    }

    @Test func reportsEmptyColumnName() {
        #expect(F.diagnostics("id,,name\nC-1,x,Ada\n", as: .csv) == [
            F.error("empty column name (column 2)", line: 1, column: 4)
        ])
    }

    @Test func reportsColumnNameWithoutLettersOrDigits() {
        #expect(F.diagnostics("id,%%\nC-1,x\n", as: .csv) == [
            F.error("column name \"%%\" has no letters or digits (column 2)", line: 1, column: 4)
        ])
    }

    @Test func reportsDuplicateIDNamingBothLines() {
        #expect(F.diagnostics("id,name\nC-1000,Ada\nC-1001,Grace\nC-1001,Linus\n", as: .csv) == [
            F.error("duplicate id \"C-1001\" (first used on line 3)", line: 4, column: 1)
        ])
    }

    @Test func reportsMissingIDColumn() {
        #expect(F.diagnostics("name,email\nAda,a@x\n", as: .csv) == [
            F.error("no \"id\" column in the header (columns: name, email)", line: 1, column: nil)
        ])
    }

    @Test func reportsEmptyID() {
        #expect(F.diagnostics("name,id\nAda,  \nGrace,\"\"\n", as: .csv) == [
            F.error("record has an empty \"id\"", line: 2, column: 5),
            F.error("record has an empty \"id\"", line: 3, column: 7),
        ])
    }

    @Test func reportsFirstInvalidUTF8ByteWithByteColumn() {
        var data = Data("id,name\nC-1,Ada\nC-2,Ren".utf8)
        data.append(contentsOf: [0xE9, 0x65])  // "Renée" saved as Latin-1
        data.append(contentsOf: Array("\nC-3,Bj".utf8) + [0xF6] + Array("rn\n".utf8))
        #expect(F.diagnostics(data, as: .csv) == [
            F.error("invalid UTF-8 byte 0xE9 (column counted in bytes); save the file as UTF-8", line: 3, column: 8)
        ])
    }

    @Test func reportsUnterminatedQuoteWhereItOpened() {
        #expect(F.diagnostics("id,name\nC-1,Ada\nC-2,\"Grace\nC-3,Linus\n", as: .csv) == [
            F.error("unterminated quoted field: the quote opened here is never closed", line: 3, column: 5)
        ])
    }

    @Test func reportsTextAfterClosingQuote() {
        #expect(F.diagnostics("id,size\nC-1,\"5\" inch\n", as: .csv) == [
            F.error(
                "text after the closing quote of a field; quote the whole field and double any \" inside it",
                line: 2, column: 8)
        ])
    }

    @Test func reportsEmptyFile() {
        #expect(F.diagnostics("\n\n", as: .csv) == [F.error("the file is empty: expected a header line", line: 1, column: nil)])
    }

    @Test func reportsEveryProblemSortedByLineCountingPhysicalLines() {
        let csv = """
            id,name,email,Name
            C-1,"Ada
            Lovelace",a@x,dup
            C-2,Grace
            C-1,Linus,l@x,dup
            ,Ken,k@x,dup
            C-3,Rob,r@x,dup,extra
            """
        #expect(F.diagnostics(csv, as: .csv, path: "Content/customers.csv") == [
            F.error("duplicate column \"name\" (also column 2)", "Content/customers.csv", line: 1, column: 15),
            F.error("row has 2 fields, header has 4", "Content/customers.csv", line: 4, column: 1),
            F.error("duplicate id \"C-1\" (first used on line 2)", "Content/customers.csv", line: 5, column: 1),
            F.error("record has an empty \"id\"", "Content/customers.csv", line: 6, column: 1),
            F.error("row has 5 fields, header has 4", "Content/customers.csv", line: 7, column: 1),
        ])
    }

    @Test func printsAsCompilerDiagnostics() {
        let list = DiagnosticList(F.diagnostics("id\nC-1\nC-1\n", as: .csv, path: "Content/customers.csv"))
        #expect(list.description == "Content/customers.csv:3:1: error: duplicate id \"C-1\" (first used on line 2)")
    }
}
