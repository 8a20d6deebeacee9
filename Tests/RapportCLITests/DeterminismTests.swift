import Foundation
import Testing

@Suite struct DeterminismTests {
    /// Time zone and language of the machine must not leak into the output.
    @Test func sameBytesWhateverTheTimeZoneAndLanguage() throws {
        let kiritimati = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let utc = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        var farEast = RapportProcess.baseEnvironment
        farEast["TZ"] = "Pacific/Kiritimati"
        farEast["LANG"] = "de_DE.UTF-8"
        farEast["LC_ALL"] = "de_DE.UTF-8"
        var plain = RapportProcess.baseEnvironment
        plain["TZ"] = "UTC"
        plain["LANG"] = "C"
        let site = TestFolders.fixture("Everything").path
        let first = try RapportProcess.run(
            ["build", "--site", site, "--output", kiritimati.path, "--today", "2026-11-26"], environment: farEast)
        let second = try RapportProcess.run(
            ["build", "--site", site, "--output", utc.path, "--today", "2026-11-26"], environment: plain)
        #expect(first.status == 0, "\(first)")
        #expect(second.status == 0, "\(second)")
        let tree = FileTree(kiritimati)
        #expect(tree.files.count > 10)
        #expect(tree == FileTree(utc))
    }
}
