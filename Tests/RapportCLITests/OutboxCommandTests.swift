import Foundation
import Testing

@Suite struct OutboxCommandTests {
    static let today = ["--today", "2026-11-20"]

    @Test func writesTheFixturesOutboxAndSaysWhere() throws {
        let out = TestFolders.temporaryDirectory().appendingPathComponent("outbox")
        let result = try RapportProcess.run(
            ["outbox", "--site", TestFolders.fixture("Outbox").path, "--out", out.path, "--reviews"] + Self.today)
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout.wholeMatch(
                of: /Wrote 4 customers, 11 messages, 0 warnings, \d+\.\d\d s\nOutbox: .*outbox \(new\/\*\.eml, manifest\.json\)\n/) != nil,
            "\(result)")
        // The Maildir's empty cur/ and tmp/ are not in git's copy of the golden outbox.
        for folder in ["cur", "tmp"] {
            #expect((try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(folder).path)) == [])
            try FileManager.default.removeItem(at: out.appendingPathComponent(folder))
        }
        #expect(FileTree(out) == FileTree(TestFolders.fixture("Golden/Outbox")), "the CLI writes the golden outbox")
    }

    @Test func aBadAddressFailsNamingItsFieldAndLeavesNoOutbox() throws {
        let site = TestFolders.temporaryDirectory().appendingPathComponent("site")
        try FileManager.default.copyItem(at: TestFolders.fixture("Outbox"), to: site)
        let records = site.appendingPathComponent("Content/customers.csv")
        let text = try String(contentsOf: records, encoding: .utf8).replacingOccurrences(of: "sam@plain.example", with: "sam at plain")
        try text.write(to: records, atomically: true, encoding: .utf8)
        let out = site.appendingPathComponent("Output/outbox")
        let result = try RapportProcess.run(["outbox", "--site", site.path] + Self.today)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [
                site.path
                    + #"/Content/customers.csv:5:29: error: "sam at plain" is not a valid email address (local@domain, ASCII) (customer OB-4)"#,
                "outbox failed: 1 error; the outbox folder is unchanged",
            ])
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let dryRun = try RapportProcess.run(["outbox", "--site", site.path, "--dry-run", "--skip-invalid"] + Self.today)
        #expect(dryRun.status == 0, "\(dryRun)")
        #expect(dryRun.stdout.wholeMatch(of: /Checked 3 customers, 6 messages, 2 warnings, 1 skipped, \d+\.\d\d s; nothing written \(--dry-run\)\n/) != nil, "\(dryRun)")
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let skipping = try RapportProcess.run(["outbox", "--site", site.path, "--skip-invalid", "--quiet"] + Self.today)
        #expect(skipping.status == 0, "\(skipping)")
        #expect(skipping.stdout == "")
        #expect(skipping.stderrLines.count == 2)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("new/ob-1-newsletter-2026-11.eml").path))
    }
}
