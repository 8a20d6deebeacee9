import Crypto

/// A SHA-256 held as its 32 bytes, written as 64 lower-case hex digits.
///
/// The manifest keeps two per output file; as hex strings they took about
/// 110 bytes of heap each, an eighth of a large build's heap at its peak.
struct Digest: Hashable, Sendable, Codable, CustomStringConvertible {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The 32 bytes of `digest`.
    init(_ digest: SHA256Digest) {
        self.init(bytes: Array(digest))
    }

    /// Parses 64 hex digits (either case); nil for anything else. Straight
    /// into the words, as a previous build's manifest holds two per file.
    init?(hex: String) {
        var hex = hex
        let parsed = hex.withUTF8 { digits -> (UInt64, UInt64, UInt64, UInt64)? in
            guard digits.count == 64 else { return nil }
            func word(_ start: Int) -> UInt64? {
                var word: UInt64 = 0
                for index in start..<start + 16 {
                    guard let value = Hex.value(of: digits[index]) else { return nil }
                    word = word << 4 | UInt64(value)
                }
                return word
            }
            guard let first = word(0), let second = word(16), let third = word(32), let fourth = word(48) else { return nil }
            return (first, second, third, fourth)
        }
        guard let parsed else { return nil }
        words = parsed
    }

    /// 32 bytes, most significant first in each word.
    private init(bytes: [UInt8]) {
        func word(_ start: Int) -> UInt64 { bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) } }
        words = (word(0), word(8), word(16), word(24))
    }

    /// The first 8 bytes as one big-endian number (which shard a customer is in).
    var leadingWord: UInt64 { words.0 }

    var description: String {
        String(unsafeUninitializedCapacity: 64) { digits in
            writeHex(into: digits)
            return 64
        }
    }

    /// Appends the 64 hex digits to `buffer` with no string between: the
    /// manifest writes two per file.
    func appendHex(to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { digits in
            writeHex(into: digits)
            buffer.append(contentsOf: digits)
        }
    }

    /// The digits into the first 64 places of `digits`, most significant first.
    private func writeHex(into digits: UnsafeMutableBufferPointer<UInt8>) {
        func put(_ word: UInt64, at start: Int) {
            for nibble in 0..<16 {
                digits[start + nibble] = Hex.digit(UInt8(truncatingIfNeeded: word >> (60 - 4 * nibble)) & 0x0F)
            }
        }
        put(words.0, at: 0)
        put(words.1, at: 16)
        put(words.2, at: 32)
        put(words.3, at: 48)
    }

    static func == (lhs: Digest, rhs: Digest) -> Bool {
        lhs.words == rhs.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let digest = Digest(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a SHA-256 in hex: \(text)"))
        }
        self = digest
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
