import Foundation
import Testing

@testable import RapportCore

@Suite struct RecordLoaderYAMLTests {
    typealias F = RecordFixture

    // MARK: - Reading

    @Test func keepsNestedDataAndKeyOrder() throws {
        let yaml = """
            - Customer Name: Acme
              id: C-1
              Billing Address:
                Street Name: Main St 1
                City: Oslo
              tags: [pro, {Kind: vip}, []]
            - id: C-2
              contacts:
                - name: Ada
                  Role: CTO
            """
        let records = try F.load(yaml, as: .yaml)
        #expect(records.map(\.id) == ["C-1", "C-2"])
        #expect(records[0].fields.keys == ["customer_name", "id", "billing_address", "tags"])
        #expect(records[0].fields["billing_address"] == ["Street Name": "Main St 1", "City": "Oslo"])
        #expect(records[0].fields["tags"] == ["pro", ["Kind": "vip"], []])
        #expect(records[1].fields["contacts"] == [["name": "Ada", "Role": "CTO"]])
        guard case .object(let address)? = records[0].fields["billing_address"] else {
            Issue.record("billing_address is not an object")
            return
        }
        #expect(address.keys == ["Street Name", "City"])
    }

    @Test func keepsScalarsAsWritten() throws {
        let yaml = """
            - id: C-1
              country: NO
              zip: 02134
              amount: 1.234,50
              price: 1.50
              active: yes
              flag: true
              started: 2024-01-05
              quoted_null: "null"
              empty:
              tilde: ~
            """
        let records = try F.load(yaml, as: .yaml)
        #expect(records[0].fields == [
            "id": "C-1", "country": "NO", "zip": "02134", "amount": "1.234,50", "price": "1.50", "active": "yes",
            "flag": "true", "started": "2024-01-05", "quoted_null": "null", "empty": nil, "tilde": nil,
        ])
    }

    @Test func recordsMapAndValuePositions() throws {
        let yaml = "# customers\n- id: C-1\n  plan:   pro\n- {id: C-2, plan: basic}\n"
        let records = try F.load(yaml, as: .yaml)
        #expect(records.map(\.location) == [F.at(2, 3), F.at(4, 3)])
        #expect(records[0].fieldLocations == ["id": F.at(2, 7), "plan": F.at(3, 11)])
        #expect(records[1].fieldLocations == ["id": F.at(4, 8), "plan": F.at(4, 19)])
    }

    @Test func resolvesAliasesWithinTheLimit() throws {
        let yaml = "- id: C-1\n  address: &home {city: Oslo}\n- id: C-2\n  address: *home\n"
        let records = try F.load(yaml, as: .yaml)
        #expect(records[1].fields["address"] == ["city": "Oslo"])
    }

    @Test func readsEmptyList() throws {
        #expect(try F.load("[]\n", as: .yaml).isEmpty)
    }

    // MARK: - Errors

    @Test func reportsBillionLaughs() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(previous)]\n"
        }
        let document = "- id: C-1\n  bomb:\n" + yaml.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n") + "\n"
        #expect(F.diagnostics(document, as: .yaml) == [
            F.error("YAML expands to more than 1000000 values (aliases?)", line: 1, column: 3)
        ])
    }

    @Test func reportsNestingDeeperThanLimit() {
        let yaml = "- id: C-1\n  x: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
        #expect(F.diagnostics(yaml, as: .yaml) == [
            F.error("YAML nested deeper than 64 levels", line: 1, column: 3)
        ])
    }

    @Test func reportsSyntaxErrorWithPosition() {
        let yaml = "- id: C-1\n  name: \"Acme\n- id: C-2\n"
        #expect(F.diagnostics(yaml, as: .yaml) == [
            F.error("found unexpected end of stream (while scanning a quoted scalar on line 2)", line: 4, column: 1)
        ])
    }

    @Test func reportsDuplicateKey() {
        let yaml = "- id: C-1\n  email: a@x\n  email: b@x\n"
        #expect(F.diagnostics(yaml, as: .yaml) == [
            F.error("duplicate key \"email\" in one map", line: 2, column: 3)
        ])
    }

    @Test func reportsKeysThatNormaliseToTheSameName() {
        let yaml = "- id: C-1\n  First Name: Ada\n  first_name: Ada\n  <<: {x: 1}\n  [a]: b\n"
        #expect(F.diagnostics(yaml, as: .yaml) == [
            F.error("duplicate key \"first_name\" (\"First Name\" on line 2 also normalises to \"first_name\")", line: 3, column: 3),
            F.error("YAML merge keys (<<) are not supported; write the fields out", line: 4, column: 3),
            F.error("keys must be text, found a list", line: 5, column: 3),
        ])
    }

    @Test func reportsRootThatIsNotAList() {
        #expect(F.diagnostics("id: C-1\nname: Acme\n", as: .yaml) == [
            F.error("expected a list of customer maps, found a map", line: 1, column: 1)
        ])
    }

    @Test func reportsElementsThatAreNotMaps() {
        #expect(F.diagnostics("- C-1\n- [a, b]\n- id: C-3\n", as: .yaml) == [
            F.error("expected a customer map, found text \"C-1\"", line: 1, column: 3),
            F.error("expected a customer map, found a list", line: 2, column: 3),
        ])
    }

    @Test func reportsMissingEmptyDuplicateAndNonTextIDs() {
        let yaml = "- name: A\n- id:\n- id: C-1\n- id: C-1\n- id: [C-2]\n"
        #expect(F.diagnostics(yaml, as: .yaml) == [
            F.error("record has no \"id\" field", line: 1, column: 3),
            F.error("record has an empty \"id\"", line: 2, column: 6),
            F.error("duplicate id \"C-1\" (first used on line 3)", line: 4, column: 7),
            F.error("\"id\" must be a single value, not a list", line: 5, column: 7),
        ])
    }

    @Test func reportsEmptyFile() {
        #expect(F.diagnostics("# nothing here\n", as: .yaml) == [
            F.error("the file is empty: expected a list of customer maps", line: 1, column: nil)
        ])
    }

    @Test func reportsCharactersYAMLDoesNotAllow() {
        #expect(F.diagnostics("- id: C-1\n  name: Ré\u{7}x\n", as: .yaml) == [
            F.error("control characters are not allowed", line: 2, column: 11)
        ])
    }

    @Test func reportsInvalidUTF8() {
        var data = Data("- id: C-1\n  name: Ren".utf8)
        data.append(0xE9)
        data.append(contentsOf: Array("e\n".utf8))
        #expect(F.diagnostics(data, as: .yaml) == [
            F.error("invalid UTF-8 byte 0xE9 (column counted in bytes); save the file as UTF-8", line: 2, column: 12)
        ])
    }
}
