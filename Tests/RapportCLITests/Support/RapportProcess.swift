import Foundation
import TestSupport
import Testing

/// Runs the built `rapport` executable with a fixed environment.
enum RapportProcess {
    /// A small, fixed environment so results do not depend on the caller's shell.
    static let baseEnvironment: [String: String] = [
        "PATH": "/usr/bin:/bin",
        // The scratch root rather than /tmp itself, so anything rapport or a
        // shell script writes in its home goes when the test process exits.
        "HOME": TemporaryFolders.root.path,
        "LANG": "C",
        "TZ": "UTC",
    ]

    struct BinaryNotFound: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `rapport arguments...` in `directory` and waits for it.
    /// Output goes through files, not pipes, so a chatty run cannot block.
    static func run(
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = baseEnvironment,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> CommandResult {
        guard let binary = RapportBinary.url else {
            Issue.record("\(RapportBinary.notFoundMessage)", sourceLocation: sourceLocation)
            throw BinaryNotFound(description: RapportBinary.notFoundMessage)
        }
        let scratch = TestFolders.temporaryDirectory("rapport-cli-streams")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")
        // A file that cannot be made fails FileHandle(forWritingTo:) below.
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdoutHandle = try FileHandle(forWritingTo: stdoutURL)
        let stderrHandle = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        try process.run()
        process.waitUntilExit()
        try stdoutHandle.close()
        try stderrHandle.close()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}
