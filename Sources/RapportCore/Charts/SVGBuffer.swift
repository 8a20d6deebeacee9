/// Chart SVG built as UTF-8 bytes in one growing buffer.
///
/// A review draws a line chart per metric; built from interpolated strings
/// (one for every number and attribute), the charts were 7% of a full
/// build's CPU. Numbers and text follow `SVGText` exactly.
struct SVGBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The SVG as text.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Markup written in the code.
    mutating func add(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup made at run time (already safe).
    mutating func add(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    mutating func add(_ other: SVGBuffer) {
        bytes.append(contentsOf: other.bytes)
    }

    /// `text` escaped as `SVGText.escape` does.
    mutating func escaped(_ text: String) {
        bytes.append(contentsOf: SVGText.escape(text).utf8)
    }

    /// `value` as `SVGText.number` writes it: one decimal at most, no `-0`.
    mutating func number(_ value: Double) {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        digits(of: abs(tenths) / 10)
        let fraction = abs(tenths) % 10
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction))
        }
    }

    /// The decimal digits of `value` (not negative).
    private mutating func digits(of value: Int) {
        if value >= 10 { digits(of: value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
