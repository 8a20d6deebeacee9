import Foundation

/// Finds the first byte that is not valid UTF-8, for an error naming where it is.
///
/// Swift's own decoding would silently put U+FFFD in its place; a CRM export
/// saved as Latin-1 must instead fail with a position the user can find.
enum UTF8Check {
    /// The first invalid byte of a data file, as the records reader and
    /// the metrics reader (`CSVWindowReader`) report it.
    struct Problem {
        var line: Int
        var column: Int
        var message: String
    }

    /// Hands `body` the bytes of `data` in place, where the text starts
    /// (after a byte order mark) and its first invalid byte, if any; reading
    /// goes on past it so other problems still show. In place, not copied
    /// into an array: that held a second whole file (45 MB of metrics at
    /// 100,000 customers) while parsing.
    static func withCheckedBytes<Result>(
        of data: Data, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ problem: Problem?) -> Result
    ) -> Result {
        data.withUnsafeBytes { raw in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            let start = byteOrderMarkLength(bytes)
            let found = firstInvalidPosition(in: bytes, from: start).map { bad in
                UTF8Check.problem(line: bad.line, column: bad.column, byte: bad.byte)
            }
            return body(bytes, start, found)
        }
    }

    /// The problem of `byte` at `line` and byte `column`, as every data file reader reports it.
    static func problem(line: Int, column: Int, byte: UInt8) -> Problem {
        let hex = String(byte, radix: 16, uppercase: true)
        return Problem(line: line, column: column, message: "invalid UTF-8 byte 0x\(hex) (column counted in bytes); save the file as UTF-8")
    }

    /// Byte offset and value of the first invalid byte at or after `start`, or `nil` when all is valid.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (offset: Int, byte: UInt8)? {
        var index = start
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F  // no UTF-16 surrogates
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F  // nothing above U+10FFFF
            default: return (index, lead)
            }
            for position in 1..<length {
                guard index + position < end else { return (index, lead) }
                let byte = bytes[index + position]
                let (low, high) = position == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                // The sequence is reported at its lead byte: that is the character the user sees as wrong.
                guard byte >= low && byte <= high else { return (index, lead) }
            }
            index += length
        }
        return nil
    }

    /// The first invalid byte at or after `start` with its 1-based line and
    /// byte column (lines counted from `start`), for every file reader's error.
    static func firstInvalidPosition(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (line: Int, column: Int, byte: UInt8)? {
        guard let bad = firstInvalidByte(in: bytes, from: start) else { return nil }
        var line = 1
        var lineStart = start
        for index in start..<bad.offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, bad.offset - lineStart + 1, bad.byte)
    }

    /// Length of a UTF-8 byte order mark at the start of `bytes` (3 or 0).
    static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
