import Dispatch
import Foundation
import Testing

/// `rapport build --shard K/N` in separate processes, then `rapport merge`,
/// must write what one `rapport build` writes, byte for byte.
///
/// The Everything fixture in 3 shards: 1/3 holds E-2, 2/3 holds e-3 and
/// E-4, 3/3 holds E-1 (the first 8 bytes of SHA-256 of each id, mod 3).
@Suite struct ShardCommandTests {
    static let today = ["--today", "2026-11-26"]
    static let missingShardLine = "error: shard 2/3 is missing: give every shard folder, 1/3 to 3/3"

    /// Builds shards 1/N to N/N of `site` into `<parent>/shard-K`, all at
    /// once, each in its own process; returns the folder names.
    static func buildShards(_ site: URL, count: Int = 3, in parent: URL, extra: [String] = []) throws -> [String] {
        let folders = (1...count).map { "shard-\($0)" }
        let results = LockedResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result {
                try RapportProcess.run(
                    ["build", "--site", site.path, "--output", folders[index], "--shard", "\(index + 1)/\(count)"] + today + extra,
                    in: parent)
            }
            results.set(result, at: index)
        }
        for (index, result) in results.values.enumerated() {
            let run = try result.get()
            try #require(run.status == 0, "shard \(index + 1): \(run)")
        }
        return folders
    }

    static func merge(_ site: URL, into output: String, _ shards: [String], in parent: URL) throws -> CommandResult {
        try RapportProcess.run(["merge", "--site", site.path] + today + [output] + shards, in: parent)
    }

    static func fullBuild(_ site: URL, into output: URL) throws -> CommandResult {
        try RapportProcess.run(["build", "--site", site.path, "--output", output.path] + today)
    }

    // MARK: - The merged site is the one-machine build

    @Test func threeShardProcessesAndAMergeWriteTheOneMachineBuildByteForByte() throws {
        let site = TestFolders.fixture("Everything")
        let parent = TestFolders.temporaryDirectory("rapport-shards")
        let whole = try Self.fullBuild(site, into: parent.appendingPathComponent("whole"))
        try #require(whole.status == 0, "\(whole)")
        let shards = try Self.buildShards(site, in: parent)

        let merged = try Self.merge(site, into: "merged", shards, in: parent)
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stdout.wholeMatch(of: /Merged 4 customers, 47 pages, 0 warnings, \d+\.\d\d s\n/) != nil, "\(merged)")
        #expect(merged.stderr == "")
        let expected = FileTree(parent.appendingPathComponent("whole"))
        let tree = FileTree(parent.appendingPathComponent("merged"))
        #expect(tree.description == expected.description, "no file missing, none unexpected")
        #expect(tree == expected, "every file byte for byte, manifest.json included")
        #expect(tree == FileTree(TestFolders.fixture("Golden/Everything")))

        // Each shard holds its own customers' pages and nothing site-wide;
        // together they hold every customer page of the site, once.
        var customerFiles: [String: Data] = [:]
        for (folder, slugs) in zip(shards, [["e-2"], ["e-3", "e-4"], ["e-1"]]) {
            let shard = FileTree(parent.appendingPathComponent(folder))
            let pages = shard.files.filter { $0.key != "manifest.json" && $0.key != "shard.json" }
            let expectedPaths = expected.files.keys.filter { path in
                slugs.contains { path.hasPrefix("customers/\($0)/") || path.hasPrefix("print/\($0)/") }
            }
            #expect(pages.keys.sorted() == expectedPaths.sorted(), "\(folder)")
            customerFiles.merge(pages) { first, _ in first }
        }
        #expect(customerFiles.count == 20, "the 20 customer pages of Everything")
        #expect(customerFiles.allSatisfy { expected.files[$0.key] == $0.value })
    }

    @Test func shardFilesAreLinkedIntoTheMergeNotRenderedAgain() throws {
        let site = TestFolders.fixture("Everything")
        let parent = TestFolders.temporaryDirectory("rapport-shards")
        let shards = try Self.buildShards(site, in: parent)
        let merged = try Self.merge(site, into: "merged", shards, in: parent)
        try #require(merged.status == 0, "\(merged)")
        let page = "customers/e-1/newsletters/2026-11/index.html"
        let inShard = try FileManager.default.attributesOfItem(atPath: parent.appendingPathComponent("shard-3/" + page).path)
        let inMerge = try FileManager.default.attributesOfItem(atPath: parent.appendingPathComponent("merged/" + page).path)
        #expect(inShard[.systemFileNumber] as? UInt64 == inMerge[.systemFileNumber] as? UInt64, "a hard link to the shard's file")
    }

    /// Site warnings (the review template, E-2's notes, rapport.yml) and a
    /// customer's own (E-1's issues hidden by the review): a shard loads only
    /// its customers' notes, so the merge must report exactly what one build does.
    @Test func mergeReportsAndRecordsTheWarningsOfTheOneMachineBuild() throws {
        let site = try TestFolders.copyOfFixture("Everything")
        let parent = site.deletingLastPathComponent()
        let review = site.appendingPathComponent("Content/reviews/2026-Q4.md")
        try Data("---\ntitle: Review\naudience: {plan: [pro, enterprise]}\n---\nYour goals for {{period.next.label}}?\n".utf8).write(
            to: review)
        let notes = site.appendingPathComponent("Content/notes/E-2.md")
        try Data(("---\nfavourite_colour: blue\n" + String(decoding: try Data(contentsOf: notes), as: UTF8.self).dropFirst(4)).utf8).write(
            to: notes)
        let config = site.appendingPathComponent("rapport.yml")
        try Data((String(decoding: try Data(contentsOf: config), as: UTF8.self) + "\ncolour: blue\n").utf8).write(to: config)

        let whole = try Self.fullBuild(site, into: parent.appendingPathComponent("whole"))
        try #require(whole.status == 0, "\(whole)")
        try #require(whole.stderrLines.count == 4, "\(whole)")
        #expect(whole.stderrLines.contains { $0.hasSuffix("(customer E-1)") }, "a customer's own warning")
        #expect(whole.stderrLines.contains { $0.contains("Content/notes/E-2.md") }, "a notes warning")
        let shards = try Self.buildShards(site, in: parent)
        let merged = try Self.merge(site, into: "merged", shards, in: parent)
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stderr == whole.stderr)
        #expect(merged.stdout.contains("4 warnings"), "\(merged)")
        #expect(FileTree(parent.appendingPathComponent("merged")) == FileTree(parent.appendingPathComponent("whole")))
    }

    // MARK: - Incremental builds

    @Test func aShardRebuildReusesItsPreviousOutput() throws {
        let site = try TestFolders.copyOfFixture("Everything")
        let parent = site.deletingLastPathComponent()
        let arguments = ["build", "--site", site.path, "--output", "shard-2", "--shard", "2/3"] + Self.today
        let first = try RapportProcess.run(arguments, in: parent)
        try #require(first.status == 0, "\(first)")
        #expect(first.stdout.hasPrefix("Built shard 2/3: 2 customers, 6 pages, 0 warnings, "), "\(first)")
        let again = try RapportProcess.run(arguments, in: parent)
        #expect(again.stdout.hasPrefix("Up to date: 2 customers, 6 pages, 0 warnings, 6 unchanged, "), "\(again)")

        // E-4's row changes: e-3's three pages are linked from the previous shard.
        let csv = site.appendingPathComponent("Content/customers.csv")
        let text = String(decoding: try Data(contentsOf: csv), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "Pat Plain;", with: "Pat Plainer;").utf8).write(to: csv)
        let changed = try RapportProcess.run(arguments, in: parent)
        #expect(changed.stdout.hasPrefix("Built shard 2/3: 2 customers, 6 pages, 0 warnings, 3 unchanged, "), "\(changed)")
        let fresh = try RapportProcess.run(
            ["build", "--site", site.path, "--output", "fresh", "--shard", "2/3", "--clean"] + Self.today, in: parent)
        try #require(fresh.status == 0, "\(fresh)")
        #expect(FileTree(parent.appendingPathComponent("shard-2")) == FileTree(parent.appendingPathComponent("fresh")))
    }

    /// A folder holding one kind of output, built into as another, gives
    /// what a clean build of the other writes: never "up to date", and no
    /// page or shard.json left over.
    @Test func buildsOfOtherKindsIntoAShardFolderWriteTheirOwnOutput() throws {
        let site = TestFolders.fixture("Everything")
        let parent = TestFolders.temporaryDirectory("rapport-shards")
        let shards = try Self.buildShards(site, in: parent)
        let whole = try Self.fullBuild(site, into: parent.appendingPathComponent("whole"))
        try #require(whole.status == 0, "\(whole)")

        // The whole site into shard 3's folder: E-1's 7 pages are reused.
        let intoShard = try Self.fullBuild(site, into: parent.appendingPathComponent(shards[2]))
        #expect(intoShard.stdout.hasPrefix("Built 4 customers, 47 pages, 0 warnings, 7 unchanged, "), "\(intoShard)")
        #expect(FileTree(parent.appendingPathComponent(shards[2])) == FileTree(parent.appendingPathComponent("whole")))

        // Shard 1/3 into shard 2's folder: nothing to reuse, nothing left of 2/3.
        let other = try RapportProcess.run(
            ["build", "--site", site.path, "--output", shards[1], "--shard", "1/3"] + Self.today, in: parent)
        #expect(other.stdout.hasPrefix("Built shard 1/3: 1 customer, 7 pages, 0 warnings, "), "\(other)")
        #expect(!other.stdout.contains("unchanged"), "\(other)")
        #expect(FileTree(parent.appendingPathComponent(shards[1])) == FileTree(parent.appendingPathComponent(shards[0])))

        // Shard 1/3 into the whole site's folder: its pages are reused, the site pages go.
        let fromWhole = try RapportProcess.run(
            ["build", "--site", site.path, "--output", "whole", "--shard", "1/3"] + Self.today, in: parent)
        #expect(fromWhole.stdout.hasPrefix("Built shard 1/3: 1 customer, 7 pages, 0 warnings, 7 unchanged, "), "\(fromWhole)")
        #expect(FileTree(parent.appendingPathComponent("whole")) == FileTree(parent.appendingPathComponent(shards[0])))
    }

    @Test func aSecondMergeIntoTheSameFolderReusesTheSitePages() throws {
        let site = TestFolders.fixture("Everything")
        let parent = TestFolders.temporaryDirectory("rapport-shards")
        let shards = try Self.buildShards(site, in: parent)
        let first = try Self.merge(site, into: "merged", shards, in: parent)
        try #require(first.status == 0, "\(first)")
        let before = FileTree(parent.appendingPathComponent("merged"))
        let second = try Self.merge(site, into: "merged", shards, in: parent)
        #expect(second.stdout.hasPrefix("Merged 4 customers, 47 pages, 0 warnings, 27 unchanged, "), "\(second)")
        #expect(FileTree(parent.appendingPathComponent("merged")) == before)
    }

    // MARK: - Shards that do not make one site

    @Test func aMissingShardIsAnErrorAndLeavesThePreviousOutputByteForByte() throws {
        let site = TestFolders.fixture("Everything")
        let parent = TestFolders.temporaryDirectory("rapport-shards")
        let shards = try Self.buildShards(site, in: parent)
        let first = try Self.merge(site, into: "merged", shards, in: parent)
        try #require(first.status == 0, "\(first)")
        let before = FileTree(parent.appendingPathComponent("merged"))

        let result = try Self.merge(site, into: "merged", [shards[0], shards[2]], in: parent)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderrLines == [Self.missingShardLine, "merge failed: 1 error; the output folder is unchanged"])
        #expect(FileTree(parent.appendingPathComponent("merged")) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "no staging folder left behind: \(left)")
    }

    @Test func theSameShardTwiceIsAnError() throws {
        let site = TestFolders.fixture("Everything")
        let parent = TestFolders.temporaryDirectory("rapport-shards")
        let shards = try Self.buildShards(site, in: parent)
        try FileManager.default.copyItem(at: parent.appendingPathComponent(shards[0]), to: parent.appendingPathComponent("copy-of-1"))
        let result = try Self.merge(site, into: "merged", [shards[0], "copy-of-1", shards[1], shards[2]], in: parent)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [
                #"error: shard 1/3 is given more than once: "shard-1", "copy-of-1"; give each shard once"#,
                "merge failed: 1 error; the output folder is unchanged",
            ])
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("merged").path))
    }

    /// Two shards of one build never share a customer; a shard folder
    /// edited by hand (here shard 2's manifest also lists E-2) might.
    @Test func aCustomerInTwoShardsIsAnError() throws {
        let site = TestFolders.fixture("Everything")
        let parent = TestFolders.temporaryDirectory("rapport-shards")
        let shards = try Self.buildShards(site, in: parent)
        let first = try Self.manifest(parent.appendingPathComponent(shards[0]))
        var second = try Self.manifest(parent.appendingPathComponent(shards[1]))
        second["files"] = (second["files"] as! [Any]) + (first["files"] as! [Any])
        try Self.write(second, to: parent.appendingPathComponent(shards[1]))

        let result = try Self.merge(site, into: "merged", shards, in: parent)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [
                #"error: more than one shard folder holds this customer's pages: "shard-1" (shard 1/3) and "shard-2" (shard 2/3) (customer E-2)"#,
                "merge failed: 1 error; the output folder is unchanged",
            ])
    }

    /// A shard folder whose manifest lost a page, or that lost a file its
    /// manifest lists: the merge stops before OUT changes.
    @Test func aShardMissingPagesIsAnError() throws {
        let site = TestFolders.fixture("Everything")
        let parent = TestFolders.temporaryDirectory("rapport-shards")
        let shards = try Self.buildShards(site, in: parent)
        let shard3 = parent.appendingPathComponent(shards[2])
        var manifest = try Self.manifest(shard3)
        let files = manifest["files"] as! [[String: Any]]
        manifest["files"] = files.filter { ($0["path"] as? String) != "customers/e-1/index.html" }
        try Self.write(manifest, to: shard3)
        let shortList = try Self.merge(site, into: "merged", shards, in: parent)
        #expect(
            shortList.stderrLines == [
                #"error: shard folder "shard-3" (shard 3/3) does not list the pages this site gives this customer: build the shard again (customer E-1)"#,
                "merge failed: 1 error; the output folder is unchanged",
            ])

        try FileManager.default.removeItem(at: shard3)
        let rebuilt = try RapportProcess.run(
            ["build", "--site", site.path, "--output", shards[2], "--shard", "3/3"] + Self.today, in: parent)
        try #require(rebuilt.status == 0, "\(rebuilt)")
        try FileManager.default.removeItem(at: shard3.appendingPathComponent("print/e-1/newsletter-2026-11.html"))
        let lostFile = try Self.merge(site, into: "merged", shards, in: parent)
        #expect(
            lostFile.stderrLines == [
                #"error: shard folder "shard-3" lacks print/e-1/newsletter-2026-11.html, which its manifest lists: build the shard again (customer E-1)"#,
                "merge failed: 1 error; the output folder is unchanged",
            ])
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("merged").path))
    }

    /// Shard 1 built before the newsletter changed, 2 and 3 after.
    @Test func aShardBuiltFromOtherInputsIsAnError() throws {
        let site = try TestFolders.copyOfFixture("Everything")
        let parent = site.deletingLastPathComponent()
        let first = try RapportProcess.run(
            ["build", "--site", site.path, "--output", "shard-1", "--shard", "1/3"] + Self.today, in: parent)
        try #require(first.status == 0, "\(first)")
        let newsletter = site.appendingPathComponent("Content/newsletters/2026-11.md")
        let text = String(decoding: try Data(contentsOf: newsletter), as: UTF8.self)
        try Data((text + "\nOne more line.\n").utf8).write(to: newsletter)
        for index in 2...3 {
            let run = try RapportProcess.run(
                ["build", "--site", site.path, "--output", "shard-\(index)", "--shard", "\(index)/3"] + Self.today, in: parent)
            try #require(run.status == 0, "\(run)")
        }
        let result = try Self.merge(site, into: "merged", ["shard-1", "shard-2", "shard-3"], in: parent)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderrLines == [
                #"error: shard folder "shard-1" (shard 1/3) was built from other inputs than this site (a file of the site, --today or --strict differs): build every shard again from the same site"#,
                "merge failed: 1 error; the output folder is unchanged",
            ])
        // --today is one of the inputs too.
        let otherDay = try RapportProcess.run(
            ["merge", "--site", site.path, "--today", "2026-11-27", "merged", "shard-2", "shard-3"], in: parent)
        #expect(otherDay.stderrLines.count == 3, "\(otherDay)")
        #expect(otherDay.stderrLines.first?.hasPrefix(#"error: shard folder "shard-2" (shard 2/3) was built from other inputs"#) == true)
    }

    @Test func shardsOfDifferentCountsAndFoldersThatAreNoShardsAreErrors() throws {
        let site = TestFolders.fixture("Everything")
        let parent = TestFolders.temporaryDirectory("rapport-shards")
        let threes = try Self.buildShards(site, in: parent)
        let half = try RapportProcess.run(["build", "--site", site.path, "--output", "half", "--shard", "1/2"] + Self.today, in: parent)
        try #require(half.status == 0, "\(half)")
        let whole = try Self.fullBuild(site, into: parent.appendingPathComponent("whole"))
        try #require(whole.status == 0, "\(whole)")

        let mixed = try Self.merge(site, into: "merged", threes + ["half"], in: parent)
        #expect(
            mixed.stderrLines == [
                #"error: shards of different builds: "shard-1" is shard 1/3, "half" is shard 1/2"#,
                "merge failed: 1 error; the output folder is unchanged",
            ])
        let notShards = try Self.merge(site, into: "merged", ["whole", "nowhere", threes[0]], in: parent)
        #expect(
            notShards.stderrLines == [
                #"error: "whole" is not a shard's output: it has no readable shard.json (make it with rapport build --shard K/N --output whole)"#,
                #"error: shard folder "nowhere" does not exist"#,
                "merge failed: 2 errors; the output folder is unchanged",
            ])
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("merged").path))
    }

    // MARK: - Choosing the shard

    @Test(arguments: [
        ("0/3", "Error: --shard 0/3: K counts from 1 to 3 (shards are 1/3 to 3/3)"),
        ("4/3", "Error: --shard 4/3: K counts from 1 to 3 (shards are 1/3 to 3/3)"),
        ("a/b", #"Error: --shard must be K/N with whole numbers, such as 1/3, not "a/b""#),
        ("3", #"Error: --shard must be K/N with whole numbers, such as 1/3, not "3""#),
    ])
    func badShardValuesAreUsageErrors(_ value: String, _ message: String) throws {
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(
            ["build", "--site", TestFolders.fixture("Everything").path, "--output", output.path, "--shard", value])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderrLines.first == message)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test(arguments: [
        (
            ["--shard", "1/3", "--skip-invalid"],
            "Error: --skip-invalid cannot be used with a shard: a customer left out would be missing from rapport merge"
        ),
        (["--shard", "1/3", "--only", "E-1"], "Error: --only cannot be used with a shard: rapport merge needs every customer"),
        (["--shard", "1/3", "--shard-index-from-env"], "Error: --shard and --shard-index-from-env cannot be used together"),
        (["--shard", "1/3", "--shards", "3"], "Error: --shards is for --shard-index-from-env; with --shard write K/N"),
    ])
    func combinationsThatCannotMakeAShardAreUsageErrors(_ arguments: [String], _ message: String) throws {
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(
            ["build", "--site", TestFolders.fixture("Everything").path, "--output", output.path] + arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderrLines.first == message)
    }

    @Test(
        arguments: [
            (["JOB_COMPLETION_INDEX": "1"], ["--shards", "3"], "Built shard 2/3: 2 customers, 6 pages"),
            (["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "3"], [], "Built shard 1/3: 1 customer, 7 pages"),
            (["CIRCLE_NODE_INDEX": "2", "CIRCLE_NODE_TOTAL": "3"], [], "Built shard 3/3: 1 customer, 7 pages"),
            (["BUILDKITE_PARALLEL_JOB": "0", "BUILDKITE_PARALLEL_JOB_COUNT": "1"], [], "Built shard 1/1: 4 customers, 20 pages"),
        ] as [([String: String], [String], String)])
    func theShardComesFromTheEnvironment(_ variables: [String: String], _ arguments: [String], _ summary: String) throws {
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(
            ["build", "--site", TestFolders.fixture("Everything").path, "--output", output.path, "--shard-index-from-env"] + arguments
                + Self.today,
            environment: RapportProcess.baseEnvironment.merging(variables) { $1 })
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix(summary + ", 0 warnings, "), "\(result)")
    }

    @Test(
        arguments: [
            (
                [:], [],
                "Error: --shard-index-from-env: none of JOB_COMPLETION_INDEX, CI_NODE_INDEX, CIRCLE_NODE_INDEX, BUILDKITE_PARALLEL_JOB is set; use --shard K/N instead"
            ),
            (
                ["JOB_COMPLETION_INDEX": "0"], [],
                "Error: JOB_COMPLETION_INDEX gives this job's index but not how many there are: add --shards N (the Job's completions)"
            ),
            (["JOB_COMPLETION_INDEX": "x"], ["--shards", "3"], #"Error: JOB_COMPLETION_INDEX must be a whole number, not "x""#),
            (
                ["CI_NODE_INDEX": "0", "CI_NODE_TOTAL": "3"], [],
                "Error: CI_NODE_INDEX=0 is out of range: with 3 shards it runs from 1 to 3"
            ),
        ] as [([String: String], [String], String)])
    func aMissingOrMalformedEnvironmentIsAUsageError(_ variables: [String: String], _ arguments: [String], _ message: String) throws {
        let output = TestFolders.temporaryDirectory().appendingPathComponent("Output")
        let result = try RapportProcess.run(
            ["build", "--site", TestFolders.fixture("Everything").path, "--output", output.path, "--shard-index-from-env"] + arguments,
            environment: RapportProcess.baseEnvironment.merging(variables) { $1 })
        #expect(result.status == 64, "\(result)")
        #expect(result.stderrLines.first == message)
    }

    // MARK: - Helpers

    static func manifest(_ folder: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as! [String: Any]
    }

    static func write(_ manifest: [String: Any], to folder: URL) throws {
        let data = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try data.write(to: folder.appendingPathComponent("manifest.json"))
    }
}

/// Results of concurrent runs, one slot each.
private final class LockedResults: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var slots: [Result<CommandResult, any Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ result: Result<CommandResult, any Error>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    var values: [Result<CommandResult, any Error>] {
        lock.withLock { slots.map { $0! } }
    }
}
