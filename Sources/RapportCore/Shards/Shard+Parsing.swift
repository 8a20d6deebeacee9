extension Shard {
    /// Parses `K/N` as written after `--shard`: K from 1 to N.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Self.number(parts[0]), let count = Self.number(parts[1]) else {
            throw ShardError("--shard must be K/N with whole numbers, such as 1/3, not \"\(text)\"")
        }
        guard count >= 1 else { throw ShardError("--shard \(text): N must be at least 1") }
        guard let shard = Shard(index: index, count: count) else {
            throw ShardError("--shard \(text): K counts from 1 to \(count) (shards are 1/\(count) to \(count)/\(count))")
        }
        self = shard
    }

    /// Digits only: no sign, space or `+`, which `Int.init` would take.
    static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}
