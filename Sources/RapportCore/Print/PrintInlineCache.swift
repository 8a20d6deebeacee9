import Foundation

/// Stylesheets already inlined in this build, by the page folder, href and
/// media they were linked with; shared by the render workers.
final class PrintInlineCache: @unchecked Sendable {
    // @unchecked: `entries` is only touched under `lock`.
    private let lock = NSLock()
    private var entries: [String: (html: String?, problems: [PrintProblem])] = [:]

    func stylesheet(_ key: String) -> (html: String?, problems: [PrintProblem])? {
        lock.withLock { entries[key] }
    }

    func store(_ key: String, html: String?, problems: [PrintProblem]) {
        lock.withLock { entries[key] = (html, problems) }
    }
}
