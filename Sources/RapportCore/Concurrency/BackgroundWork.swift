import Dispatch
import Foundation

/// Work started on a thread of its own now and waited for later, so a step
/// that can only use one core runs beside steps that use them all.
final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once, before `finished` is signalled,
    // and read only after waiting for that signal.
    private let finished = DispatchSemaphore(value: 0)
    private var result: Result?

    init(_ work: @escaping @Sendable () -> Result) {
        Thread.detachNewThread { [self] in
            result = work()
            finished.signal()
        }
    }

    /// The work's result, once it is done; call once.
    func wait() -> Result {
        finished.wait()
        return result!
    }
}
