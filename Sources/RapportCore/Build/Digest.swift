/// A SHA-256 held as its 32 bytes, written as 64 lower-case hex digits.
///
/// The manifest keeps two per output file; as hex strings they took about
/// 110 bytes of heap each, an eighth of a large build's heap at its peak.
struct Digest: Hashable, Sendable, Codable, CustomStringConvertible {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// Parses 64 hex digits (either case); nil for anything else.
    init?(hex: String) {
        let bytes = Array(hex.utf8)
        guard bytes.count == 64 else { return nil }
        var words: [UInt64] = []
        for start in stride(from: 0, to: 64, by: 16) {
            var word: UInt64 = 0
            for byte in bytes[start..<start + 16] {
                guard let value = Self.value(of: byte) else { return nil }
                word = word << 4 | UInt64(value)
            }
            words.append(word)
        }
        self.words = (words[0], words[1], words[2], words[3])
    }

    var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 60, through: 0, by: -4) {
                output.append(digits[Int((word >> UInt64(shift)) & 0xF)])
            }
        }
        return String(decoding: output, as: UTF8.self)
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

    private static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
