import Dispatch
import Foundation

/// Maps a collection on all cores, keeping the results in input order so
/// output never depends on which worker finished first.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let slots = ResultSlots<Result>(count: elements.count)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, elements.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < elements.count {
                slots.set(transform(elements[index]), at: index)
                index += workers
            }
        }
        return slots.values()
    }
}

/// One slot per element; each index is written by exactly one worker.
private final class ResultSlots<Result>: @unchecked Sendable {
    // @unchecked: distinct workers write distinct indices; the lock orders
    // those writes before `values()` reads them.
    private let lock = NSLock()
    private var slots: [Result?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ value: Result, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    func values() -> [Result] {
        lock.withLock { slots.map { $0! } }
    }
}
