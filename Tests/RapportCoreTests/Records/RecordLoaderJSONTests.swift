import Foundation
import Testing

@testable import RapportCore

@Suite struct RecordLoaderJSONTests {
    typealias F = RecordFixture

    // MARK: - Reading

    @Test func keepsNestedDataAndKeyOrder() throws {
        let json = """
            [
              {"Customer Name": "Acme", "id": "C-1",
               "Billing Address": {"Street Name": "Main St 1", "City": "Oslo"},
               "tags": ["pro", {"Kind": "vip"}, []]}
            ]
            """
        let records = try F.load(json, as: .json)
        #expect(records.count == 1)
        #expect(records[0].id == "C-1")
        #expect(records[0].fields.keys == ["customer_name", "id", "billing_address", "tags"])
        // Only top-level keys are normalised; nested keys stay as written.
        #expect(records[0].fields["billing_address"] == ["Street Name": "Main St 1", "City": "Oslo"])
        #expect(records[0].fields["tags"] == ["pro", ["Kind": "vip"], []])
        guard case .object(let address)? = records[0].fields["billing_address"] else {
            Issue.record("billing_address is not an object")
            return
        }
        #expect(address.keys == ["Street Name", "City"])
    }

    @Test func keepsScalarsAsWritten() throws {
        let json = #"[{"id": "C-1", "price": 1.50, "big": -12.5e+10, "active": true, "churned": false, ""#
            + #"zip": "02134", "country": "NO", "amount": "1.234,50", "note": null}]"#
        let records = try F.load(json, as: .json)
        #expect(records[0].fields == [
            "id": "C-1", "price": "1.50", "big": "-12.5e+10", "active": "true", "churned": "false",
            "zip": "02134", "country": "NO", "amount": "1.234,50", "note": nil,
        ])
    }

    @Test func decodesStringEscapes() throws {
        let json = #"[{"id": "C-1", "name": "Ren\u00e9e \"R\" \ud83d\ude00\n\t\/\\"}]"#
        let records = try F.load(json, as: .json)
        #expect(records[0].fields["name"] == "Renée \"R\" 😀\n\t/\\")
    }

    @Test func recordsObjectAndValuePositions() throws {
        let json = "[\n  {\"id\": \"C-1\"},\n  {\n    \"Plan\": \"pro\", \"id\": \"C-2\"\n  }\n]\n"
        let records = try F.load(json, as: .json)
        #expect(records.map(\.location) == [F.at(2, 3), F.at(3, 3)])
        #expect(records[1].fieldLocations == ["plan": F.at(4, 13), "id": F.at(4, 26)])
    }

    @Test func stripsByteOrderMarkAndTrimsID() throws {
        let records = try F.load("\u{FEFF}[{\"id\": \" C-1 \"}]", as: .json)
        #expect(records[0].id == "C-1")
        #expect(records[0].fields == ["id": "C-1"])
        #expect(records[0].location == F.at(1, 2))
    }

    @Test func readsEmptyArray() throws {
        #expect(try F.load(" [ ] ", as: .json).isEmpty)
    }

    // MARK: - Errors

    @Test func reportsRootThatIsNotAnArray() {
        #expect(F.diagnostics("\n  {\"id\": \"C-1\"}", as: .json) == [
            F.error("expected an array of customer objects, found an object", line: 2, column: 3)
        ])
    }

    @Test func reportsElementsThatAreNotObjects() {
        #expect(F.diagnostics("[\"C-1\",\n 42, {\"id\": \"C-3\"}, [], null]", as: .json) == [
            F.error("expected a customer object, found a string", line: 1, column: 2),
            F.error("expected a customer object, found a number", line: 2, column: 2),
            F.error("expected a customer object, found an array", line: 2, column: 21),
            F.error("expected a customer object, found null", line: 2, column: 25),
        ])
    }

    @Test func reportsNonStringID() {
        let json = "[\n{\"id\": 1001},\n{\"id\": true},\n{\"id\": null},\n{\"id\": [\"a\"]}\n]"
        #expect(F.diagnostics(json, as: .json) == [
            F.error("\"id\" must be a string, not a number; write it in quotes: \"1001\"", line: 2, column: 8),
            F.error("\"id\" must be a string, not true", line: 3, column: 8),
            F.error("\"id\" must be a string, not null", line: 4, column: 8),
            F.error("\"id\" must be a string, not an array", line: 5, column: 8),
        ])
    }

    @Test func reportsDuplicateKeyInOneObject() {
        let json = "[{\"id\": \"C-1\",\n  \"email\": \"a@x\",\n  \"email\": \"b@x\",\n  \"address\": {\"city\": \"A\", \"city\": \"B\"}}]"
        #expect(F.diagnostics(json, as: .json) == [
            F.error("duplicate key \"email\" (first used on line 2)", line: 3, column: 3),
            F.error("duplicate key \"city\" (first used on line 4)", line: 4, column: 28),
        ])
    }

    @Test func reportsKeysThatNormaliseToTheSameName() {
        let json = "[{\"id\": \"C-1\", \"First Name\": \"Ada\",\n \"first_name\": \"Ada\", \"!!\": 1}]"
        #expect(F.diagnostics(json, as: .json) == [
            F.error("duplicate key \"first_name\" (\"First Name\" on line 1 also normalises to \"first_name\")", line: 2, column: 2),
            F.error("key \"!!\" has no letters or digits", line: 2, column: 23),
        ])
    }

    @Test func reportsMissingEmptyAndDuplicateIDs() {
        let json = "[\n{\"name\": \"A\"},\n{\"id\": \"  \"},\n{\"id\": \"C-1\"},\n{\"id\": \"C-1\"}\n]"
        #expect(F.diagnostics(json, as: .json) == [
            F.error("record has no \"id\" field", line: 2, column: 1),
            F.error("record has an empty \"id\"", line: 3, column: 8),
            F.error("duplicate id \"C-1\" (first used on line 4)", line: 5, column: 8),
        ])
    }

    @Test(arguments: [
        ("[{\"id\": \"C-1\"}\n {\"id\": \"C-2\"}]", "expected \",\" or \"]\" after an array element, found \"{\"", 2, 2),
        ("[{\"id\": \"C-1\",}]", "trailing comma before \"}\"", 1, 15),
        ("[{\"id\": \"C-1\"},]", "trailing comma before \"]\"", 1, 16),
        ("[{\"id\": \"C-1\" \"x\": 1}]", "expected \",\" or \"}\" after a value in an object, found a string", 1, 15),
        ("[{id: \"C-1\"}]", "expected a key in double quotes, found \"id\"", 1, 3),
        ("[{\"id\" \"C-1\"}]", "expected \":\" after the key \"id\", found a string", 1, 8),
        ("[{\"id\": \"C-1\", \"x\": True}]", "unexpected \"True\": text must be in double quotes; literals are true, false and null", 1, 21),
        ("[{\"id\": \"C-1\", \"x\": 01}]", "invalid number \"01\"", 1, 21),
        ("[{\"id\": \"C-1\", \"x\": 1.}]", "invalid number \"1.\"", 1, 21),
        ("[{\"id\": \"C-1\", \"x\": \"a\\qb\"}]", "invalid escape \"\\q\" in a string", 1, 23),
        ("[{\"id\": \"C-1\", \"x\": \"\\u12\"}]", "invalid \\u escape: expected four hex digits", 1, 22),
        ("[{\"id\": \"C-1\", \"x\": \"\\ud83d\"}]", "unpaired UTF-16 surrogate in \\u escape", 1, 22),
        ("[{\"id\": \"C-1\", \"x\": \"a\tb\"}]", "control character in a string; write it as an escape such as \\n or \\t", 1, 23),
        ("[{\"id\": \"C-1\",\n \"x\": \"abc}]", "unterminated string: the quote opened here is never closed", 2, 7),
        ("[{\"id\": \"C-1\"}", "unexpected end of file: the array is never closed", 1, 15),
        ("[{\"id\": \"C-1\"}] x", "unexpected text after the end of the JSON value", 1, 17),
        ("  \n ", "the file is empty: expected a JSON array", 2, 2),
    ])
    func reportsSyntaxErrorsWithPosition(json: String, message: String, line: Int, column: Int) {
        #expect(F.diagnostics(json, as: .json) == [F.error(message, line: line, column: column)])
    }

    @Test func reportsNestingDeeperThanLimit() {
        let json = "[{\"id\": \"C-1\", \"x\": " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}]"
        #expect(F.diagnostics(json, as: .json) == [
            F.error("nesting deeper than 64 levels", line: 1, column: 83)
        ])
    }

    @Test func reportsInvalidUTF8AlongsideOtherProblems() {
        var data = Data("[{\"id\": \"C-1\", \"name\": \"Ren".utf8)
        data.append(0xE9)
        data.append(contentsOf: Array("e\"},\n {\"id\": \"C-1\"}]".utf8))
        #expect(F.diagnostics(data, as: .json) == [
            F.error("invalid UTF-8 byte 0xE9 (column counted in bytes); save the file as UTF-8", line: 1, column: 28),
            F.error("duplicate id \"C-1\" (first used on line 1)", line: 2, column: 9),
        ])
    }
}
