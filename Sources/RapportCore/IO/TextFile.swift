import Foundation

/// Reads text files strictly as UTF-8, reporting the first bad byte by line
/// and column instead of guessing an encoding.
enum TextFile {
    static func read(_ url: URL, displayPath: String) throws(Diagnostic) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .error("cannot read file: \(error.localizedDescription)", at: SourceLocation(path: displayPath))
        }
        return try decode(data, displayPath: displayPath)
    }

    static func decode(_ data: Data, displayPath: String) throws(Diagnostic) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        let (line, column) = bytes.withUnsafeBufferPointer { buffer in
            UTF8Check.firstInvalidPosition(in: buffer, from: 0).map { ($0.line, $0.column) } ?? (1, 1)
        }
        throw .error(
            "file is not valid UTF-8 (first bad byte at line \(line), byte \(column)); save it as UTF-8",
            at: SourceLocation(path: displayPath, line: line, column: column))
    }
}
