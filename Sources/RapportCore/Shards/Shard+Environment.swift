extension Shard {
    /// Where CI systems and Kubernetes tell a parallel job which one it is,
    /// in the order they are looked for: the first whose index variable is
    /// set is used, and its count variable (or `--shards`) gives N.
    public struct EnvironmentSource: Sendable, Hashable {
        /// The variable holding this job's index.
        public var indexVariable: String
        /// The variable holding how many jobs there are; nil when only `--shards` can say.
        public var countVariable: String?
        /// 0 or 1: what the first job's index is.
        public var base: Int
    }

    /// Kubernetes Indexed Job, GitLab CI `parallel:`, CircleCI `parallelism`, Buildkite `parallelism`.
    public static let environmentSources = [
        EnvironmentSource(indexVariable: "JOB_COMPLETION_INDEX", countVariable: nil, base: 0),
        EnvironmentSource(indexVariable: "CI_NODE_INDEX", countVariable: "CI_NODE_TOTAL", base: 1),
        EnvironmentSource(indexVariable: "CIRCLE_NODE_INDEX", countVariable: "CIRCLE_NODE_TOTAL", base: 0),
        EnvironmentSource(indexVariable: "BUILDKITE_PARALLEL_JOB", countVariable: "BUILDKITE_PARALLEL_JOB_COUNT", base: 0),
    ]

    /// This job's shard, from the first of `environmentSources` set in
    /// `environment`. `count` is `--shards N`: required with
    /// JOB_COMPLETION_INDEX (Kubernetes sets no count), and when given with
    /// a CI system's count the two must agree.
    public static func fromEnvironment(_ environment: [String: String], count: Int?) throws(ShardError) -> Shard {
        if let count, count < 1 { throw ShardError("--shards must be at least 1, not \(count)") }
        guard let source = environmentSources.first(where: { environment[$0.indexVariable] != nil }) else {
            let names = environmentSources.map(\.indexVariable).joined(separator: ", ")
            throw ShardError("--shard-index-from-env: none of \(names) is set; use --shard K/N instead")
        }
        let rawIndex = environment[source.indexVariable]!
        guard let index = number(Substring(rawIndex)) else {
            throw ShardError("\(source.indexVariable) must be a whole number, not \"\(rawIndex)\"")
        }
        var total = count
        if let countVariable = source.countVariable {
            guard let rawCount = environment[countVariable] else {
                throw ShardError("\(source.indexVariable) is set but \(countVariable) is not: both say which shard this is")
            }
            guard let fromEnvironment = number(Substring(rawCount)), fromEnvironment >= 1 else {
                throw ShardError("\(countVariable) must be a whole number of at least 1, not \"\(rawCount)\"")
            }
            if let count, count != fromEnvironment {
                throw ShardError("--shards \(count) disagrees with \(countVariable)=\(fromEnvironment)")
            }
            total = fromEnvironment
        }
        guard let total else {
            throw ShardError(
                "\(source.indexVariable) gives this job's index but not how many there are: add --shards N (the Job's completions)")
        }
        let first = source.base
        let last = total - 1 + source.base
        guard let shard = Shard(index: index - source.base + 1, count: total) else {
            throw ShardError("\(source.indexVariable)=\(rawIndex) is out of range: with \(total) shards it runs from \(first) to \(last)")
        }
        return shard
    }
}
