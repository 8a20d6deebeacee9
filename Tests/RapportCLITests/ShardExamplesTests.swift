import Foundation
import Testing
import Yams

/// The shard examples in docs/examples/ parse, agree with themselves (as
/// many shards as the matrix or the Job's completions), and their commands,
/// run here as their runner would run them, merge to the one-machine build.
@Suite struct ShardExamplesTests {
    static let examples = RapportBinary.packageRoot.appendingPathComponent("docs/examples")
    static let today = "2026-11-26"

    static func documents(_ name: String) throws -> [[String: Any]] {
        let text = String(decoding: try Data(contentsOf: examples.appendingPathComponent(name)), as: UTF8.self)
        // Without YAML 1.1's booleans: GitHub reads the key `on` as a name, not as true.
        return try Yams.load_all(yaml: text, Resolver.default.removing(.bool)).map { try #require($0 as? [String: Any], "\(name): a map") }
    }

    // MARK: - GitHub Actions

    @Test func theGitHubActionsMatrixBuildsEveryShardAndMergesThem() throws {
        let workflow = try #require(try Self.documents("github-actions-shards.yml").first)
        let env = try #require(workflow["env"] as? [String: Any])
        let count = try #require(env["SHARDS"] as? Int)
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let shardJob = try #require(jobs["shard"] as? [String: Any])
        let matrix = try #require((shardJob["strategy"] as? [String: Any])?["matrix"] as? [String: Any])
        #expect(matrix["shard"] as? [Int] == Array(1...count), "one matrix entry per shard, 1 to SHARDS")
        let mergeJob = try #require(jobs["merge"] as? [String: Any])
        #expect((mergeJob["needs"] as? [String])?.contains("shard") == true, "the merge waits for every shard")
        let upload = try #require(Self.steps(shardJob).first { ($0["uses"] as? String)?.hasPrefix("actions/upload-artifact@") == true })
        #expect((upload["with"] as? [String: Any])?["path"] as? String == "shard-${{ matrix.shard }}")
        let download = try #require(
            Self.steps(mergeJob).first { (($0["with"] as? [String: Any])?["pattern"] as? String) == "shard-*" })
        #expect((download["with"] as? [String: Any])?["path"] as? String == "shards")

        // The two rapport steps, run in a copy of the Everything site with
        // each shard's upload placed where download-artifact puts it.
        let site = try TestFolders.copyOfFixture("Everything")
        let binary = try #require(RapportBinary.url, "\(RapportBinary.notFoundMessage)")
        let build = try #require(Self.steps(shardJob).compactMap { $0["run"] as? String }.first { $0.contains(" build ") })
        let merge = try #require(Self.steps(mergeJob).compactMap { $0["run"] as? String }.first { $0.contains(" merge ") })
        for shard in 1...count {
            let command = Self.expand(build, ["matrix.shard": "\(shard)", "needs.rapport.outputs.today": Self.today], binary: binary)
            let result = try Self.shell(command, in: site, environment: ["SHARDS": "\(count)"])
            try #require(result.status == 0, "\(command)\n\(result)")
            let shards = site.appendingPathComponent("shards")
            try FileManager.default.createDirectory(at: shards, withIntermediateDirectories: true)
            try FileManager.default.moveItem(
                at: site.appendingPathComponent("shard-\(shard)"), to: shards.appendingPathComponent("shard-\(shard)"))
        }
        let command = Self.expand(merge, ["needs.rapport.outputs.today": Self.today], binary: binary)
        let merged = try Self.shell(command, in: site, environment: ["SHARDS": "\(count)"])
        try #require(merged.status == 0, "\(command)\n\(merged)")
        #expect(FileTree(site.appendingPathComponent("Output")) == FileTree(TestFolders.fixture("Golden/Everything")))
    }

    // MARK: - Kubernetes

    @Test func theKubernetesIndexedJobBuildsEveryShardAndTheMergeJobMergesThem() throws {
        let documents = try Self.documents("kubernetes-indexed-job.yml")
        #expect(documents.map { $0["kind"] as? String } == ["PersistentVolumeClaim", "Job", "Job"])
        let claim = try #require((documents[0]["metadata"] as? [String: Any])?["name"] as? String)
        let shardsJob = try #require(documents[1]["spec"] as? [String: Any])
        #expect(shardsJob["completionMode"] as? String == "Indexed")
        let count = try #require(shardsJob["completions"] as? Int)
        #expect(shardsJob["parallelism"] as? Int == count)
        let shardContainer = try Self.container(documents[1])
        let mergeContainer = try Self.container(documents[2])
        for document in documents[1...] {
            let pod = try #require((document["spec"] as? [String: Any])?["template"] as? [String: Any])
            let volumes = try #require((pod["spec"] as? [String: Any])?["volumes"] as? [[String: Any]])
            #expect((volumes.first?["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String == claim, "one shared volume")
        }

        // Each index's command through sh, as the container runs it, with
        // /data a scratch folder holding a copy of the Everything site.
        let data = TestFolders.temporaryDirectory("rapport-k8s")
        try FileManager.default.copyItem(at: TestFolders.fixture("Everything"), to: data.appendingPathComponent("site"))
        let binary = try #require(RapportBinary.url, "\(RapportBinary.notFoundMessage)")
        let command = try #require(shardContainer["command"] as? [String])
        let arguments = try #require(shardContainer["args"] as? [String])
        #expect(command == ["/bin/sh", "-c"])
        let script = try #require(arguments.first).replacingOccurrences(of: "/data", with: data.path)
        #expect(script.contains("--shards \(count) "), "--shards agrees with completions")
        for index in 0..<count {
            let result = try Self.shell(
                script, in: data, environment: ["JOB_COMPLETION_INDEX": "\(index)"], path: binary.deletingLastPathComponent().path)
            try #require(result.status == 0, "index \(index): \(result)")
        }
        var merge = try #require(mergeContainer["command"] as? [String])
        #expect(merge.filter { $0.hasPrefix("/data/shards/") }.count == count, "the merge names every shard")
        #expect(merge.first == "rapport")
        merge = [binary.path] + merge.dropFirst().map { $0.replacingOccurrences(of: "/data", with: data.path) }
        let merged = try Self.shell(merge.map(Self.quoted).joined(separator: " "), in: data)
        try #require(merged.status == 0, "\(merged)")
        #expect(FileTree(data.appendingPathComponent("Output")) == FileTree(TestFolders.fixture("Golden/Everything")))
    }

    // MARK: - Helpers

    static func steps(_ job: [String: Any]) -> [[String: Any]] {
        job["steps"] as? [[String: Any]] ?? []
    }

    static func container(_ job: [String: Any]) throws -> [String: Any] {
        let pod = try #require((job["spec"] as? [String: Any])?["template"] as? [String: Any])
        return try #require(((pod["spec"] as? [String: Any])?["containers"] as? [[String: Any]])?.first)
    }

    /// `${{ name }}` replaced by its value, and `./rapport-bin` by the built rapport.
    static func expand(_ text: String, _ values: [String: String], binary: URL) -> String {
        var text = text.replacingOccurrences(of: "./rapport-bin", with: quoted(binary.path))
        for (name, value) in values { text = text.replacingOccurrences(of: "${{ \(name) }}", with: value) }
        #expect(!text.contains("${{"), "every expression expanded: \(text)")
        return text
    }

    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs `script` with /bin/sh -c in `directory`, as CI runners and containers do.
    static func shell(_ script: String, in directory: URL, environment: [String: String] = [:], path: String? = nil) throws -> CommandResult
    {
        var variables = RapportProcess.baseEnvironment.merging(environment) { $1 }
        if let path { variables["PATH"] = path + ":" + (variables["PATH"] ?? "") }
        let scratch = TestFolders.temporaryDirectory("rapport-shell")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.environment = variables
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        try process.run()
        process.waitUntilExit()
        try stdoutHandle.close()
        try stderrHandle.close()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}
