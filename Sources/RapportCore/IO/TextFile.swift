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
        let (line, column) = firstInvalidUTF8(in: bytes)
        throw .error(
            "file is not valid UTF-8 (first bad byte at line \(line), byte \(column)); save it as UTF-8",
            at: SourceLocation(path: displayPath, line: line, column: column))
    }

    /// Finds the line and 1-based byte column of the first byte that is not
    /// part of a valid UTF-8 sequence.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if length > 1 {
                let end = index + length
                guard end <= bytes.count,
                    String(validating: bytes[index..<end], as: UTF8.self) != nil
                else { return (line, index - lineStart + 1) }
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, index - lineStart + 1)
    }
}
