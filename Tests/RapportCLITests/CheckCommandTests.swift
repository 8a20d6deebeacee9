import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func checkOfAValidSiteExitsZeroAndWritesNothing() throws {
        let site = try TestFolders.copyOfFixture("Everything")
        let parent = site.deletingLastPathComponent()
        let before = FileTree(parent)
        let result = try RapportProcess.run(["check", "--site", site.path, "--today", "2026-11-26"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.wholeMatch(of: /Checked 4 customers, 47 pages, 0 warnings, \d+\.\d\d s\n/) != nil, "\(result)")
        #expect(result.stderr == "")
        #expect(FileTree(parent) == before, "check wrote something")
    }

    @Test func checkOfAnInvalidSiteExitsOneAndWritesNothing() throws {
        let site = try TestFolders.copyOfFixture("Invalid/csv-duplicate-id")
        let parent = site.deletingLastPathComponent()
        let before = FileTree(parent)
        let result = try RapportProcess.run(["check", "--site", "site", "--today", "2026-11-26"], in: parent)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                site/Content/customers.csv:4:1: error: duplicate id "C-1" (first used on line 2)
                check failed: 1 error

                """)
        #expect(FileTree(parent) == before, "check wrote something")
    }
}
