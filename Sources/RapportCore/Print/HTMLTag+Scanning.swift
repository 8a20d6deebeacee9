extension HTMLTag {
    /// Reads the opening tag starting at `start` (a `<` followed by a
    /// letter); nil when it never closes, so the `<` is copied as text.
    static func scan(_ bytes: [UInt8], at start: Int) -> HTMLTag? {
        var index = start + 1
        guard index < bytes.count, isLetter(bytes[index]) else { return nil }
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != slash, bytes[index] != greater {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [HTMLAttribute] = []
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) {
                index += 1
                continue
            }
            if byte == greater {
                return HTMLTag(name: name, attributes: attributes, selfClosing: selfClosing, range: start..<(index + 1))
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
            let attributeName = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            var lookahead = index
            while lookahead < bytes.count, isSpace(bytes[lookahead]) { lookahead += 1 }
            guard lookahead < bytes.count, bytes[lookahead] == equals else {
                attributes.append(HTMLAttribute(name: attributeName, value: nil, text: attributeName))
                continue
            }
            index = lookahead + 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            let rawValue: ArraySlice<UInt8>
            if bytes[index] == doubleQuote || bytes[index] == singleQuote {
                let quote = bytes[index]
                guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                rawValue = bytes[(index + 1)..<close]
                index = close + 1
            } else {
                let valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != greater { index += 1 }
                rawValue = bytes[valueStart..<index]
            }
            let value = HTMLEntities.decode(String(decoding: rawValue, as: UTF8.self))
            let text = String(decoding: bytes[attributeStart..<index], as: UTF8.self)
            attributes.append(HTMLAttribute(name: attributeName, value: value, text: text))
        }
        return nil
    }

    /// One past the `>` of the opening tag at `start` when neither its
    /// element (`mayChange(element, nil)`) nor any of its attributes
    /// (`mayChange(element, attribute)`) may change, so the tag can be
    /// copied as it is; nil when it may change or does not scan (the full
    /// `scan` decides). Reads the tag as `scan` does without making
    /// its attributes: most tags of a page need nothing, and making them
    /// was most of the print inliner's time.
    static func endIfUnchanged(_ bytes: [UInt8], at start: Int, mayChange: (String, String?) -> Bool) -> Int? {
        var index = start + 1
        guard index < bytes.count, isLetter(bytes[index]) else { return nil }
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != slash, bytes[index] != greater {
            index += 1
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        if mayChange(name, nil) { return nil }
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) || byte == slash {
                index += 1
                continue
            }
            if byte == greater { return index + 1 }
            let attributeStart = index
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != slash, bytes[index] != greater, bytes[index] != equals {
                index += 1
            }
            let attributeName = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            if mayChange(name, attributeName) { return nil }
            var lookahead = index
            while lookahead < bytes.count, isSpace(bytes[lookahead]) { lookahead += 1 }
            guard lookahead < bytes.count, bytes[lookahead] == equals else { continue }
            index = lookahead + 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == doubleQuote || bytes[index] == singleQuote {
                let quote = bytes[index]
                guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                index = close + 1
            } else {
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != greater { index += 1 }
            }
        }
        return nil
    }

    // MARK: - Bytes

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
