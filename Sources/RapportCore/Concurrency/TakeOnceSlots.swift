import Foundation

/// Values handed out by index, each once: taking one frees the slot, so
/// what workers take is released as they finish with it rather than held
/// until every worker is done.
final class TakeOnceSlots<Value>: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var slots: [Value?]

    init(_ values: [Value?]) {
        slots = values
    }

    /// The value at `index`, or nil when it was none or has been taken.
    func take(_ index: Int) -> Value? {
        lock.withLock {
            let value = slots[index]
            slots[index] = nil
            return value
        }
    }
}
