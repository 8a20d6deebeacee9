/// Why a shard could not be worked out from `--shard` or the environment.
public struct ShardError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
