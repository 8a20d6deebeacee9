import Foundation

/// Reads CSV rows from a file a window of bytes at a time, with the same
/// rows, positions and UTF-8 check as `CSVReader` over the whole file.
///
/// The metrics file is the largest input (45 MB at 100,000 customers) and
/// was held whole while its table was built, at the build's highest point;
/// a window holds about a megabyte. A row is taken only when the window
/// holds all of it: one the window ends inside (a long quoted field, say)
/// is read again once more bytes are in.
final class CSVWindowReader {
    /// Where the bytes come from; both are read a window at a time.
    enum Source {
        case file(FileHandle)
        case data(Data)
    }

    /// The field separator, given or detected from the header line.
    private(set) var delimiter: UInt8 = CSVReader.comma
    /// The file's first byte that is not UTF-8, once the window has passed it.
    private(set) var encodingProblem: UTF8Check.Problem?

    private let source: Source
    /// How many bytes of a `.data` source have been read into the window.
    private var dataRead = 0
    private var window: UnsafeMutableBufferPointer<UInt8>
    /// Bytes in `window`.
    private var filled = 0
    /// Whether `window` holds the end of the file.
    private var sawEnd = false
    /// Where the rows not yet taken start, and their line.
    private var rowsStart = 0
    private var rowsLine = 1
    private var reader: CSVReader
    /// How far the UTF-8 check has gone (always to just after a line feed), and its line.
    private var checkedUpTo = 0
    private var checkedLine = 1

    /// About this many bytes are read at a time.
    static let windowSize = 1 << 20

    /// A reader of `source`; `delimiter` nil detects it from the header line.
    init(_ source: Source, delimiter: UInt8?, windowSize: Int = CSVWindowReader.windowSize) throws {
        self.source = source
        window = .allocate(capacity: max(windowSize, 16))
        reader = CSVReader(bytes: UnsafeBufferPointer(start: window.baseAddress, count: 0), start: 0, delimiter: CSVReader.comma)
        // The header line whole, for the delimiter to be told from it.
        repeat { try readMore() } while !sawEnd && !window[0..<filled].contains(CSVReader.newline)
        rowsStart = UTF8Check.byteOrderMarkLength(visibleBytes)
        checkedUpTo = rowsStart
        self.delimiter = delimiter ?? CSVReader.detectDelimiter(in: visibleBytes, start: rowsStart)
        checkEncoding()
        startReader()
    }

    deinit {
        window.deallocate()
    }

    /// Reads the next row into `row`; false when no rows are left.
    func readRow(into row: inout CSVReader.Row) throws -> Bool {
        while true {
            let start = reader.offset
            let line = reader.line(at: start)
            // A row that reaches the window's end may go on past it.
            if reader.readRow(into: &row), reader.offset < filled || sawEnd { return true }
            if sawEnd { return false }
            (rowsStart, rowsLine) = (start, line)
            try refill()
        }
    }

    // MARK: - Window

    private var visibleBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: UnsafeBufferPointer(window)[0..<filled])
    }

    /// Moves the rows not taken to the front, reads more after them, checks
    /// the new bytes and reads on.
    private func refill() throws {
        let kept = filled - rowsStart
        if rowsStart > 0 {
            window.baseAddress!.update(from: window.baseAddress! + rowsStart, count: kept)
            checkedUpTo -= rowsStart
            filled = kept
            rowsStart = 0
        }
        try readMore()
        checkEncoding()
        startReader()
    }

    /// Appends the next bytes of the source to the window, doubling it
    /// when it is full (one row longer than the window).
    private func readMore() throws {
        if filled == window.count {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: window.count * 2)
            larger.baseAddress!.initialize(from: window.baseAddress!, count: filled)
            window.deallocate()
            window = larger
        }
        let more: Data
        switch source {
        case .file(let handle):
            more = try handle.read(upToCount: window.count - filled) ?? Data()
        case .data(let data):
            let start = data.startIndex + dataRead
            more = data[start..<min(data.endIndex, start + window.count - filled)]
            dataRead += more.count
        }
        more.withUnsafeBytes { bytes in
            _ = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(window)[filled...]).copyBytes(from: bytes)
        }
        filled += more.count
        if more.isEmpty { sawEnd = true }
    }

    /// A reader over the window from the first row not taken.
    private func startReader() {
        reader = CSVReader(bytes: visibleBytes, start: rowsStart, delimiter: delimiter, line: rowsLine)
    }

    /// Checks the bytes up to the window's last line feed (to its end at the
    /// end of the file): a character never spans a line feed, so each
    /// check starts where one begins.
    private func checkEncoding() {
        guard encodingProblem == nil else { return }
        let bytes = visibleBytes
        var end = filled
        if !sawEnd {
            while end > checkedUpTo, bytes[end - 1] != CSVReader.newline { end -= 1 }
        }
        guard end > checkedUpTo else { return }
        let region = UnsafeBufferPointer(rebasing: bytes[checkedUpTo..<end])
        if let bad = UTF8Check.firstInvalidPosition(in: region, from: 0) {
            encodingProblem = UTF8Check.problem(line: checkedLine + bad.line - 1, column: bad.column, byte: bad.byte)
            return
        }
        checkedLine += region.reduce(0) { $0 + ($1 == CSVReader.newline ? 1 : 0) }
        checkedUpTo = end
    }
}
