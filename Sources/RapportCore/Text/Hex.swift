/// Lower-case hexadecimal, as hashes and percent-escapes write it.
public enum Hex {
    /// Two lower-case digits per byte; `String(format:)` per byte was a tenth
    /// of build time.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in bytes {
            output.append(digit(byte >> 4))
            output.append(digit(byte & 0x0F))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The lower-case digit of `value` (0 to 15).
    public static func digit(_ value: UInt8) -> UInt8 {
        digits[Int(value)]
    }

    /// The value of one hex digit (either case), nil for any other byte.
    public static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
