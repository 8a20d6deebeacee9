import Foundation
import RapportCore
import Testing

@Suite struct InitCommandTests {
    @Test func initCreatesASiteThatBuilds() throws {
        let parent = TestFolders.temporaryDirectory()
        let result = try RapportProcess.run(["init", "new-site"], in: parent)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "Created new-site with \(SampleSite.paths.count) files. Next: rapport build --site new-site\n")
        #expect(result.stderr == "")
        let site = parent.appendingPathComponent("new-site")
        #expect(Set(FileTree(site).files.keys) == Set(SampleSite.paths))

        let build = try RapportProcess.run(["build", "--site", "new-site", "--today", "2026-11-26"], in: parent)
        #expect(build.status == 0, "\(build)")
        #expect(build.stdout.hasPrefix("Built "), "\(build)")
        #expect(build.stderr == "", "the sample builds without warnings")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/index.html").path))
    }

    @Test func initAcceptsAnEmptyFolder() throws {
        let parent = TestFolders.temporaryDirectory()
        try FileManager.default.createDirectory(at: parent.appendingPathComponent("empty"), withIntermediateDirectories: false)
        let result = try RapportProcess.run(["init", "empty"], in: parent)
        #expect(result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent("empty/rapport.yml").path))
    }

    @Test func initRefusesANonEmptyFolderAndLeavesItAlone() throws {
        let parent = TestFolders.temporaryDirectory()
        let folder = parent.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try Data("keep me\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let before = FileTree(parent)
        let result = try RapportProcess.run(["init", folder.path])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr == "\(folder.path): error: \(folder.path) exists and is not empty; choose a new folder\n")
        #expect(FileTree(parent) == before)
    }
}
