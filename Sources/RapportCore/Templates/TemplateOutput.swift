import RapportMarkdown

/// The bytes of one rendered page, escaped as they are appended.
///
/// One buffer per render worker is reused page after page (`removeAll`
/// keeps its capacity), so rendering does not allocate per tag or per page
/// once the buffer has grown to the largest page.
public struct TemplateOutput: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its storage for the next page.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// The output as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    var count: Int { bytes.count }

    /// Whether the last byte written ends a line.
    var endsLine: Bool { bytes.last == 0x0A }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ slice: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: slice)
    }

    mutating func append(_ array: [UInt8]) {
        bytes.append(contentsOf: array)
    }

    /// Appends `text`'s UTF-8 bytes unchanged.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` escaped for `type`.
    mutating func append(_ text: String, escapedFor type: TemplateContentType) {
        switch type {
        case .text:
            append(text)
        case .html:
            var text = text
            text.withUTF8 { appendHTMLEscaped($0) }
        case .markdown:
            MarkdownEscaping.appendLiteral(text, to: &bytes)
        case .url:
            for byte in text.utf8 {
                if Self.isUnreserved(byte) {
                    bytes.append(byte)
                } else {
                    bytes.append(UInt8(ascii: "%"))
                    bytes.append(Self.upperHexDigits[Int(byte >> 4)])
                    bytes.append(Self.upperHexDigits[Int(byte & 0x0F)])
                }
            }
        }
    }

    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)

    /// RFC 3986 §2.3: letters, digits, `-`, `.`, `_`, `~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: return true
        default: return false
        }
    }

    /// Appends UTF-8 `source` with `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`.
    mutating func appendHTMLEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var copied = 0
        for index in source.indices {
            let replacement = HTMLText.replacementIndex[Int(source[index])]
            guard replacement != 0 else { continue }
            if copied < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<index])) }
            bytes.append(contentsOf: HTMLText.replacements[Int(replacement)])
            copied = index + 1
        }
        if copied < source.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...])) }
    }
}
