/// Turns byte offsets into 1-based line and column numbers, moving forward only.
///
/// Readers ask for positions in increasing order, so scanning on from the last
/// answer keeps the whole pass linear even for a minified one-line JSON file.
/// Columns count Unicode scalars (what libyaml and so Yams count too), lines
/// count `\n` (so CRLF files number lines like LF ones).
struct TextPositionTracker {
    struct Position: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset: Int
    private var line = 1
    private var column = 1

    /// A tracker whose line `line` (1 unless a window of a file), column 1
    /// is at `start` (after any byte order mark).
    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, line: Int = 1) {
        self.bytes = bytes
        self.offset = start
        self.line = line
    }

    /// The position of the byte at `target`, which must not be before the last one asked for.
    mutating func position(of target: Int) -> Position {
        precondition(target >= offset, "positions must be asked for in increasing order")
        while offset < target {
            let byte = bytes[offset]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return Position(line: line, column: column)
    }
}
