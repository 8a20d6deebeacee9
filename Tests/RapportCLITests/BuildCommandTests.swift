import Foundation
import Testing

@Suite struct BuildCommandTests {
    static let today = ["--today", "2026-11-26"]

    @Test func buildsTheEverythingSiteAndPrintsASummary() throws {
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(
            ["build", "--site", TestFolders.fixture("Everything").path, "--output", output.path] + Self.today)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.wholeMatch(of: /Built 4 customers, 47 pages, 0 warnings, \d+\.\d\d s\n/) != nil, "\(result)")
        #expect(result.stderr == "", "not a terminal: no progress bar, and no warnings")
        #expect(FileTree(output) == FileTree(TestFolders.fixture("Golden/Everything")), "the CLI writes the golden output")
    }

    @Test func invalidSiteFailsWithDiagnosticsPrefixedByTheSiteAsTyped() throws {
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(
            ["build", "--site", "Invalid/csv-duplicate-id", "--output", output.path] + Self.today,
            in: TestFolders.fixtures)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                Invalid/csv-duplicate-id/Content/customers.csv:4:1: error: duplicate id "C-1" (first used on line 2)
                build failed: 1 error; the output folder is unchanged

                """)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// However the folder is written, messages start with it exactly, so
    /// the terminal or editor can open the file from the current folder.
    @Test(arguments: ["Invalid/csv-several-bad-values", "Invalid/csv-several-bad-values/", "./Invalid/csv-several-bad-values", "absolute"])
    func everyDiagnosticIsPrefixedByTheSiteArgument(_ typed: String) throws {
        let site = typed == "absolute" ? TestFolders.fixture("Invalid/csv-several-bad-values").path : typed
        let prefix = site.hasSuffix("/") ? site : site + "/"
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(["build", "--site", site, "--output", output.path] + Self.today, in: TestFolders.fixtures)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [
                prefix + #"Content/customers.csv:2:14: error: renewal_date "2027-13-01" is not a date written YYYY-MM-DD (customer C-1)"#,
                prefix + #"Content/customers.csv:3:25: error: nps "101" is not a whole number from -100 to 100 (customer C-2)"#,
                prefix + #"Content/customers.csv:3:29: error: mrr "1 000" is not a plain number such as 1250 or 1250.50 (no currency signs or thousands separators) (customer C-2)"#,
                "build failed: 3 errors; the output folder is unchanged",
            ])
    }

    @Test func failedBuildLeavesThePreviousOutputByteForByte() throws {
        let site = try TestFolders.copyOfFixture("Everything")
        let parent = site.deletingLastPathComponent()
        let output = parent.appendingPathComponent("Output")
        let arguments = ["build", "--site", site.path, "--output", output.path] + Self.today
        let first = try RapportProcess.run(arguments)
        try #require(first.status == 0, "\(first)")
        let before = FileTree(output)
        #expect(before.files.count > 10)

        let csv = site.appendingPathComponent("Content/customers.csv")
        let handle = try FileHandle(forWritingTo: csv)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("E-9;Short\n".utf8))
        try handle.close()

        let second = try RapportProcess.run(arguments)
        #expect(second.status == 1, "\(second)")
        #expect(
            second.stderrLines == [
                site.path + "/Content/customers.csv:7:1: error: row has 2 fields, header has 17",
                "build failed: 1 error; the output folder is unchanged",
            ])
        #expect(FileTree(output) == before, "the failed build changed the output")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        #expect(siblings == ["Output", "site"], "a staging folder was left behind")
        #expect(!siblings.contains { $0.hasPrefix(".Output.rapport-staging-") })
    }

    @Test func onlyWithAnUnknownIdFailsNamingIt() throws {
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(
            ["build", "--site", "Everything", "--output", output.path, "--only", "E-1", "Z-9"] + Self.today,
            in: TestFolders.fixtures)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [
                #"Everything/Content/customers.csv: error: --only names customer "Z-9", who is not in the records"#,
                "build failed: 1 error; the output folder is unchanged",
            ])
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func onlyBuildsTheNamedCustomers() throws {
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(
            ["build", "--site", TestFolders.fixture("Everything").path, "--output", output.path, "--only", "E-2"] + Self.today)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.wholeMatch(of: /Built 1 customer, \d+ pages, 0 warnings, \d+\.\d\d s\n/) != nil, "\(result)")
        let hubs = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("customers").path)
        #expect(hubs.sorted() == ["e-2", "page"], "one hub, beside the paginated list of customers")
    }

    @Test func jobsZeroIsAUsageError() throws {
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(
            ["build", "--site", TestFolders.fixture("Everything").path, "--output", output.path, "--jobs", "0"] + Self.today)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderrLines.first == "Error: --jobs must be at least 1", "\(result)")
        #expect(result.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
