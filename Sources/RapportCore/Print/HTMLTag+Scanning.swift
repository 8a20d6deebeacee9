extension HTMLTag {
    /// Reads the opening tag starting at `start` (a `<` followed by a
    /// letter); nil when it never closes, so the `<` is copied as text.
    static func scan(_ bytes: [UInt8], at start: Int) -> HTMLTag? {
        var name = ""
        var attributes: [HTMLAttribute] = []
        let read = read(bytes, at: start) { element in
            name = element
            return true
        } attribute: { found in
            if let value = found.value {
                let decoded = HTMLEntities.decode(String(decoding: bytes[value], as: UTF8.self))
                attributes.append(HTMLAttribute(name: found.name, value: decoded, text: String(decoding: bytes[found.text], as: UTF8.self)))
            } else {
                attributes.append(HTMLAttribute(name: found.name, value: nil, text: found.name))
            }
            return true
        }
        guard let read else { return nil }
        return HTMLTag(name: name, attributes: attributes, selfClosing: read.selfClosing, range: start..<read.end)
    }

    /// One past the `>` of the opening tag at `start` when neither its
    /// element (`mayChange(element, nil)`) nor any of its attributes
    /// (`mayChange(element, attribute)`) may change, so the tag can be
    /// copied as it is; nil when it may change or does not scan (the full
    /// `scan` decides). Makes no attribute values: most tags of a page need
    /// nothing, and making them was most of the print inliner's time.
    static func endIfUnchanged(_ bytes: [UInt8], at start: Int, mayChange: (String, String?) -> Bool) -> Int? {
        var name = ""
        return read(bytes, at: start) { element in
            name = element
            return !mayChange(element, nil)
        } attribute: { found in
            !mayChange(name, found.name)
        }?.end
    }

    /// An attribute as `read` finds it: its lowercased name, where its raw
    /// value lies (nil for a bare attribute) and where the whole attribute lies.
    private struct FoundAttribute {
        var name: String
        var value: Range<Int>?
        var text: Range<Int>
    }

    /// Reads the opening tag at `start` as the HTML tokenizer does, handing
    /// its lowercased name to `element`, then each attribute to `attribute`;
    /// either may return false to stop reading. Returns one past the `>` and
    /// whether the tag ends in `/>`; nil when it never closes or was stopped.
    private static func read(
        _ bytes: [UInt8], at start: Int, element: (String) -> Bool, attribute: (FoundAttribute) -> Bool
    ) -> (end: Int, selfClosing: Bool)? {
        var index = start + 1
        guard index < bytes.count, isLetter(bytes[index]) else { return nil }
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != slash, bytes[index] != greater {
            index += 1
        }
        guard element(lowercasedName(bytes[nameStart..<index])) else { return nil }
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) {
                index += 1
                continue
            }
            if byte == greater {
                return (index + 1, selfClosing)
            }
            if byte == slash {
                selfClosing = true
                index += 1
                continue
            }
            selfClosing = false
            let attributeStart = index
            // An attribute name may start with "=" (HTML tokenizer rule); it ends at space, "/", ">" or "=".
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != slash, bytes[index] != greater, bytes[index] != equals {
                index += 1
            }
            let name = lowercasedName(bytes[attributeStart..<index])
            var lookahead = index
            while lookahead < bytes.count, isSpace(bytes[lookahead]) { lookahead += 1 }
            guard lookahead < bytes.count, bytes[lookahead] == equals else {
                guard attribute(FoundAttribute(name: name, value: nil, text: attributeStart..<index)) else { return nil }
                continue
            }
            index = lookahead + 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            let value: Range<Int>
            if bytes[index] == doubleQuote || bytes[index] == singleQuote {
                let quote = bytes[index]
                guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                value = (index + 1)..<close
                index = close + 1
            } else {
                let valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != greater { index += 1 }
                value = valueStart..<index
            }
            guard attribute(FoundAttribute(name: name, value: value, text: attributeStart..<index)) else { return nil }
        }
        return nil
    }

    // MARK: - Bytes

    /// An element or attribute name in lower case, as `lowercased()` gives
    /// it: ASCII letters folded byte by byte (every tag and attribute of
    /// every print page is read), anything else left to the standard library.
    private static func lowercasedName(_ name: ArraySlice<UInt8>) -> String {
        guard name.allSatisfy({ $0 < 0x80 }) else { return String(decoding: name, as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: name.count) { buffer in
            for (offset, byte) in name.enumerated() {
                buffer[offset] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            }
            return name.count
        }
    }

    private static let slash = UInt8(ascii: "/")
    private static let greater = UInt8(ascii: ">")
    private static let equals = UInt8(ascii: "=")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
