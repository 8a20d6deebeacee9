import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scratch folders for tests, all under one root per test process
/// (`<temporary folder>/rapport-tests-<pid>/`), which is removed when the
/// process exits.
///
/// Why: tests used to make their own UUID-named folders straight under the
/// system temporary folder, and many never removed them (most copied
/// sites and build outputs were simply left, and a clean-up at a test's end
/// is skipped when the test throws or crashes first). After many runs /tmp held
/// thousands of them. With one root per process a single removal at exit
/// cleans up after every test, whatever each test removed itself.
public enum TemporaryFolders {
    /// The prefix of every root; the process id follows it.
    static let rootPrefix = "rapport-tests-"

    /// This process's root, made on first use. Tests run in parallel, and a
    /// `static let` is initialised exactly once, so every test shares it.
    public static let root: URL = makeRoot()

    /// A fresh, empty folder under the root, made now.
    /// `label` starts its name, so a folder left while the process runs
    /// still tells which test made it.
    public static func make(_ label: String = "rapport-test") -> URL {
        let url = unusedPath(label)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh path under the root that nothing exists at yet, for tests
    /// that want the folder (or file) made by the code they test.
    public static func unusedPath(_ label: String = "rapport-test") -> URL {
        root.appendingPathComponent("\(label)-\(UUID().uuidString)")
    }

    private static func makeRoot() -> URL {
        let fileManager = FileManager.default
        let temporary = fileManager.temporaryDirectory
        removeRootsOfEndedProcesses(in: temporary)
        let url = temporary.appendingPathComponent("\(rootPrefix)\(getpid())")
        // A root with our id can only be left by an earlier process that had
        // the same id and did not exit normally: it is stale.
        try? fileManager.removeItem(at: url)
        try! fileManager.createDirectory(at: url, withIntermediateDirectories: true)
        // Runs when the test process exits normally (XCTest and swift-testing
        // both end through exit()), after the last test has finished.
        atexit {
            try? FileManager.default.removeItem(at: TemporaryFolders.root)
        }
        return url
    }

    /// A process that crashed or was killed never runs its atexit handler,
    /// so its root would stay for good; the next test process removes the
    /// roots whose process no longer exists.
    private static func removeRootsOfEndedProcesses(in temporary: URL) {
        let fileManager = FileManager.default
        let names = (try? fileManager.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix(rootPrefix) {
            guard let id = pid_t(name.dropFirst(rootPrefix.count)), id > 0, id != getpid() else { continue }
            // kill with signal 0 only asks whether the process exists;
            // ESRCH means it does not (EPERM: it exists, another user's).
            if kill(id, 0) == -1 && errno == ESRCH {
                try? fileManager.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
    }
}
