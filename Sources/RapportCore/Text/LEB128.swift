/// Unsigned LEB128 (as DWARF and WebAssembly write it): seven bits a byte,
/// low bits first, the high bit set on all but the last. Small numbers take
/// one byte, which is what packing many small steps (`PackedCells`,
/// `PackedTexts`, `FieldPositions`) needs; no library here has it.
struct LEB128Writer {
    var bytes: [UInt8] = []

    mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(zigzag value: Int64) {
        write(Self.zigzag(value))
    }

    /// Small magnitudes of either sign as small unsigned numbers: 0, -1, 1, -2 … → 0, 1, 2, 3 ….
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }
}

/// Reads what `LEB128Writer` wrote.
struct LEB128Reader {
    private let bytes: [UInt8]
    /// Where the next read starts.
    private(set) var offset: Int

    init(_ bytes: [UInt8], at offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// Moves past `count` bytes.
    mutating func skip(_ count: Int) {
        offset += count
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func read() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readZigzag() -> Int64 {
        Self.unzigzag(read())
    }

    /// Eight bytes, little-endian.
    mutating func readRaw64() -> UInt64 {
        var value: UInt64 = 0
        for byte in 0..<8 { value |= UInt64(bytes[self.offset + byte]) << (8 * UInt64(byte)) }
        offset += 8
        return value
    }

    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}
