import Foundation
import Testing

@testable import RapportCore

/// Shared helpers for the record loader tests, in a namespace so they cannot clash with other test files.
enum RecordFixture {
    /// Loads `text` as `format`, reporting messages against `path`.
    static func load(
        _ text: String, as format: RecordFormat, path: String = "customers", loader: RecordLoader = RecordLoader()
    ) throws(DiagnosticList) -> [CustomerRecord] {
        try loader.load(data: Data(text.utf8), format: format, displayPath: path)
    }

    /// The diagnostics loading `data` throws, or an empty list (which fails the calling expectation) when it loads.
    static func diagnostics(
        _ data: Data, as format: RecordFormat, path: String = "customers", loader: RecordLoader = RecordLoader()
    ) -> [Diagnostic] {
        do {
            _ = try loader.load(data: data, format: format, displayPath: path)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The diagnostics loading `text` throws, or an empty list when it loads.
    static func diagnostics(
        _ text: String, as format: RecordFormat, path: String = "customers", loader: RecordLoader = RecordLoader()
    ) -> [Diagnostic] {
        diagnostics(Data(text.utf8), as: format, path: path, loader: loader)
    }

    /// An error diagnostic as the loader makes it.
    static func error(_ message: String, _ path: String = "customers", line: Int?, column: Int?) -> Diagnostic {
        .error(message, at: RapportCore.SourceLocation(path: path, line: line, column: column))
    }

    /// A location in the default path.
    static func at(_ line: Int, _ column: Int?, _ path: String = "customers") -> RapportCore.SourceLocation {
        RapportCore.SourceLocation(path: path, line: line, column: column)
    }
}
