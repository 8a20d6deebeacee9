/// The text values of one CSV record in one byte array: each value's UTF-8
/// length (LEB128) and then its bytes.
///
/// Every record of a large file is held until the build ends. As an array
/// of `RecordValue.text` a record of 18 columns took about 730 bytes (24 a
/// slot, plus a heap string for every value over 15 bytes); packed it takes
/// its text and a byte a value, about 270. Values are cut back out as
/// strings when asked for, which costs a little time on each read and
/// nothing on the pages: the bytes are the string's own UTF-8.
struct PackedTexts: Hashable, Sendable {
    private var bytes: [UInt8]
    /// Number of values.
    let count: Int

    init(_ texts: some Collection<String>) {
        var writer = LEB128Writer()
        writer.bytes.reserveCapacity(texts.reduce(texts.count) { $0 + $1.utf8.count })
        for text in texts {
            writer.write(UInt64(text.utf8.count))
            writer.bytes.append(contentsOf: text.utf8)
        }
        bytes = writer.bytes
        count = texts.count
    }

    /// The value at `position`, which must be below `count`.
    subscript(position: Int) -> String {
        var reader = LEB128Reader(bytes)
        for _ in 0..<position { reader.skip(Int(reader.read())) }
        let length = Int(reader.read())
        let start = reader.offset
        return bytes.withUnsafeBufferPointer { String(decoding: $0[start..<start + length], as: UTF8.self) }
    }

    /// Every value, in order.
    var texts: [String] {
        var texts: [String] = []
        texts.reserveCapacity(count)
        var reader = LEB128Reader(bytes)
        bytes.withUnsafeBufferPointer { buffer in
            for _ in 0..<count {
                let length = Int(reader.read())
                texts.append(String(decoding: buffer[reader.offset..<reader.offset + length], as: UTF8.self))
                reader.skip(length)
            }
        }
        return texts
    }
}
