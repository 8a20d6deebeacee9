/// One of N parts of a site's customers, for building one site on several
/// machines (`rapport build --shard K/N`, then `rapport merge`).
///
/// `index` counts from 1, as people write "shard 2 of 3". A customer's
/// shard comes from the first 8 bytes of the SHA-256 of their id, modulo N:
/// the same on every machine, whatever the order of the records file, and
/// about N equal parts for any set of ids.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// From 1 to `count`.
    public let index: Int
    /// How many shards the site is built in; at least 1.
    public let count: Int

    /// A shard; nil unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Whether the customer `id` is built by this shard.
    public func contains(_ id: String) -> Bool {
        Self.index(of: id, count: count) == index
    }

    /// The shard (1 to `count`) that builds the customer `id`.
    public static func index(of id: String, count: Int) -> Int {
        precondition(count >= 1, "a site is built in at least one shard")
        return Int(InputHasher.digest(id).leadingWord % UInt64(count)) + 1
    }

    /// "2/3".
    public var description: String { "\(index)/\(count)" }
}
