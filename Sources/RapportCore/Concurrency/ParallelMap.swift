import Dispatch
import Foundation

/// Maps a collection on all cores, keeping the results in input order so
/// output never depends on which worker finished first. Workers take the
/// next element when they are free, so a slow element (a long notes file)
/// does not leave the others it would have shared a worker with waiting.
enum ParallelMap {
    /// `workers` is `--jobs`: a background rebuild in `rapport serve` leaves a core free.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], workers: Int = ProcessInfo.processInfo.activeProcessorCount, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let slots = ResultSlots<Result>(count: elements.count)
        let workers = max(1, min(workers, elements.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = slots.claimNext() {
                slots.set(transform(elements[index]), at: index)
            }
        }
        return slots.values()
    }

    /// `first` on another thread while `second` runs on this one; both results.
    static func concurrently<First: Sendable, Second>(
        _ first: @escaping @Sendable () -> First, _ second: () -> Second
    ) -> (First, Second) {
        let slot = ResultSlots<First>(count: 1)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { slot.set(first(), at: 0) }
        let secondResult = second()
        group.wait()
        return (slot.values()[0], secondResult)
    }
}

/// One result slot per element, handed out in order to whichever worker
/// asks next; each index is written by exactly one worker.
final class ResultSlots<Result>: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var slots: [Result?]
    private var claimed = 0
    private var stored = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// The next element no worker has taken, or nil when all are taken.
    func claimNext() -> Int? {
        lock.withLock {
            guard claimed < slots.count else { return nil }
            claimed += 1
            return claimed - 1
        }
    }

    /// Stores the result for `index`; returns how many are stored so far.
    @discardableResult
    func set(_ value: Result, at index: Int) -> Int {
        lock.withLock {
            slots[index] = value
            stored += 1
            return stored
        }
    }

    /// Every result, in element order; all must have been stored.
    func values() -> [Result] {
        lock.withLock { slots.map { $0! } }
    }

    /// Every result, with `missing` for elements never done (a cancelled run).
    func values(filling missing: Result) -> [Result] {
        lock.withLock { slots.map { $0 ?? missing } }
    }
}
