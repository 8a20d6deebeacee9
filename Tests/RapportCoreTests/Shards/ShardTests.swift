import Foundation
import RapportCore
import TestSupport
import Testing

/// Which shard builds a customer, and how `--shard K/N` is read.
@Suite struct ShardTests {
    static let ids = (1...10_000).map { String(format: "C-%05d", $0) }

    /// The first 8 bytes of SHA-256(id), big-endian, modulo N, plus one;
    /// the values were worked out with Python's hashlib. Pinned: shards of
    /// one build are made on different machines and must agree.
    @Test func aCustomersShardIsTheFirstEightBytesOfTheSHA256OfTheirIdModuloN() {
        let expected: [String: [Int]] = [
            "E-1": [1, 3, 1, 4], "E-2": [1, 1, 3, 1], "e-3": [2, 2, 4, 5], "E-4": [1, 2, 1, 3], "NW-1004": [1, 1, 3, 2],
        ]
        for (id, shards) in expected {
            #expect([2, 3, 4, 7].map { Shard.index(of: id, count: $0) } == shards, "\(id)")
        }
        #expect(Shard.index(of: "E-1", count: 1) == 1)
    }

    @Test func containsAgreesWithIndex() {
        for id in Self.ids.prefix(500) {
            let owners = (1...3).filter { Shard(index: $0, count: 3)!.contains(id) }
            #expect(owners == [Shard.index(of: id, count: 3)], "\(id)")
        }
    }

    /// 10,000 ids: every shard within 10% of an equal share. For a fair
    /// hash one standard deviation is 1% (N = 2) to 3% (N = 10) of a share,
    /// so 10% is over three of them: a skewed hash fails, chance does not.
    @Test(arguments: [2, 3, 4, 7, 10])
    func shardsAreBalanced(_ count: Int) {
        var sizes = Array(repeating: 0, count: count + 1)
        for id in Self.ids { sizes[Shard.index(of: id, count: count)] += 1 }
        #expect(sizes[0] == 0, "no shard 0")
        let share = Double(Self.ids.count) / Double(count)
        for index in 1...count {
            #expect(abs(Double(sizes[index]) - share) <= share * 0.10, "shard \(index)/\(count) has \(sizes[index]) of \(Self.ids.count)")
        }
    }

    /// The file order of the records never moves a customer to another shard.
    @Test func assignmentIsIndependentOfOrder() {
        var generator = SeededGenerator(seed: 13)
        let shuffled = Self.ids.shuffled(using: &generator)
        func shards(_ ids: [String]) -> [Int: Set<String>] {
            Dictionary(grouping: ids) { Shard.index(of: $0, count: 4) }.mapValues(Set.init)
        }
        #expect(shards(shuffled) == shards(Self.ids))
        #expect(shards(Self.ids).values.reduce(0) { $0 + $1.count } == Self.ids.count)
    }

    // MARK: - --shard K/N

    @Test(arguments: [("1/3", 1, 3), ("3/3", 3, 3), ("1/1", 1, 1), ("12/40", 12, 40), ("01/03", 1, 3)])
    func parsesKOfN(_ text: String, _ index: Int, _ count: Int) throws {
        let shard = try Shard(parsing: text)
        #expect(shard == Shard(index: index, count: count))
        #expect(shard.description == "\(index)/\(count)")
    }

    @Test(arguments: [
        ("0/3", "--shard 0/3: K counts from 1 to 3 (shards are 1/3 to 3/3)"),
        ("4/3", "--shard 4/3: K counts from 1 to 3 (shards are 1/3 to 3/3)"),
        ("1/0", "--shard 1/0: N must be at least 1"),
        ("a/b", #"--shard must be K/N with whole numbers, such as 1/3, not "a/b""#),
        ("3", #"--shard must be K/N with whole numbers, such as 1/3, not "3""#),
        ("1/3/4", #"--shard must be K/N with whole numbers, such as 1/3, not "1/3/4""#),
        ("-1/3", #"--shard must be K/N with whole numbers, such as 1/3, not "-1/3""#),
        ("+1/3", #"--shard must be K/N with whole numbers, such as 1/3, not "+1/3""#),
        (" 1/3", #"--shard must be K/N with whole numbers, such as 1/3, not " 1/3""#),
        ("/3", #"--shard must be K/N with whole numbers, such as 1/3, not "/3""#),
        ("", #"--shard must be K/N with whole numbers, such as 1/3, not """#),
    ])
    func refusesBadShards(_ text: String, _ message: String) {
        #expect(throws: ShardError(message)) { try Shard(parsing: text) }
    }

    // MARK: - --shard-index-from-env

    @Test(
        arguments: [
            (["JOB_COMPLETION_INDEX": "0"], 3, "1/3"),
            (["JOB_COMPLETION_INDEX": "2"], 3, "3/3"),
            (["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "3"], nil, "1/3"),
            (["CI_NODE_INDEX": "3", "CI_NODE_TOTAL": "3"], nil, "3/3"),
            (["CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "4"], 4, "2/4"),
            (["CIRCLE_NODE_INDEX": "0", "CIRCLE_NODE_TOTAL": "2"], nil, "1/2"),
            (["BUILDKITE_PARALLEL_JOB": "4", "BUILDKITE_PARALLEL_JOB_COUNT": "5"], nil, "5/5"),
            // The first variable in the documented order wins.
            (["JOB_COMPLETION_INDEX": "1", "CI_NODE_INDEX": "3", "CI_NODE_TOTAL": "3"], 2, "2/2"),
            (["CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "2", "CIRCLE_NODE_INDEX": "0", "CIRCLE_NODE_TOTAL": "2"], nil, "2/2"),
        ] as [([String: String], Int?, String)])
    func readsTheShardFromTheEnvironment(_ environment: [String: String], _ count: Int?, _ expected: String) throws {
        #expect(try Shard.fromEnvironment(environment, count: count).description == expected)
    }

    @Test(
        arguments: [
            (
                [:], nil,
                "--shard-index-from-env: none of JOB_COMPLETION_INDEX, CI_NODE_INDEX, CIRCLE_NODE_INDEX, BUILDKITE_PARALLEL_JOB is set; use --shard K/N instead"
            ),
            (
                ["JOB_COMPLETION_INDEX": "0"], nil,
                "JOB_COMPLETION_INDEX gives this job's index but not how many there are: add --shards N (the Job's completions)"
            ),
            (["JOB_COMPLETION_INDEX": "3"], 3, "JOB_COMPLETION_INDEX=3 is out of range: with 3 shards it runs from 0 to 2"),
            (["JOB_COMPLETION_INDEX": "one"], 3, #"JOB_COMPLETION_INDEX must be a whole number, not "one""#),
            (["JOB_COMPLETION_INDEX": ""], 3, #"JOB_COMPLETION_INDEX must be a whole number, not """#),
            (["JOB_COMPLETION_INDEX": "0"], 0, "--shards must be at least 1, not 0"),
            (["CI_NODE_INDEX": "0", "CI_NODE_TOTAL": "3"], nil, "CI_NODE_INDEX=0 is out of range: with 3 shards it runs from 1 to 3"),
            (["CI_NODE_INDEX": "1"], nil, "CI_NODE_INDEX is set but CI_NODE_TOTAL is not: both say which shard this is"),
            (["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "0"], nil, #"CI_NODE_TOTAL must be a whole number of at least 1, not "0""#),
            (["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "three"], nil, #"CI_NODE_TOTAL must be a whole number of at least 1, not "three""#),
            (["CI_NODE_INDEX": "1", "CI_NODE_TOTAL": "3"], 4, "--shards 4 disagrees with CI_NODE_TOTAL=3"),
            (
                ["CIRCLE_NODE_INDEX": "2", "CIRCLE_NODE_TOTAL": "2"], nil,
                "CIRCLE_NODE_INDEX=2 is out of range: with 2 shards it runs from 0 to 1"
            ),
            (
                ["BUILDKITE_PARALLEL_JOB": "-1", "BUILDKITE_PARALLEL_JOB_COUNT": "2"], nil,
                #"BUILDKITE_PARALLEL_JOB must be a whole number, not "-1""#
            ),
        ] as [([String: String], Int?, String)])
    func refusesAMissingOrMalformedEnvironment(_ environment: [String: String], _ count: Int?, _ message: String) {
        #expect(throws: ShardError(message)) { try Shard.fromEnvironment(environment, count: count) }
    }
}
