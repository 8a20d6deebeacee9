extension MustacheScanner {
    /// Reads the template character by character, keeping line and column so
    /// no tag or error has to rescan the text to find where it is.
    ///
    /// It steps by `Character`, as swift-mustache's parser does, so a `{`
    /// carrying a combining mark is not a delimiter in either. Stepping through
    /// `String` indices costs a grapheme-break check per character, so ASCII is
    /// read from the UTF-8 bytes and only other characters go through `String`.
    struct Cursor {
        /// A place in the text; cheap to copy, unlike the cursor, which holds the text.
        struct Position {
            /// Byte offset into `text.utf8`; always on a character boundary.
            var offset = 0
            /// 1-based, not including the caller's line offset.
            var line = 1
            /// 1-based, in characters.
            var column = 1
        }

        /// Stands for any character other than a lone ASCII scalar (including CR LF).
        static let otherCharacter: UInt8 = 0x80

        let text: String
        private let bytes: [UInt8]
        var position = Position()
        /// The tag delimiters in force: `{{` `}}` until a `{{=<% %>=}}` tag changes them.
        var delimiters = Delimiters.standard

        init(_ text: String) {
            self.text = text
            self.bytes = Array(text.utf8)
        }

        var isAtEnd: Bool { position.offset == bytes.count }

        /// The current character's ASCII value, `otherCharacter` if it is not a lone ASCII scalar, nil at the end.
        var current: UInt8? {
            guard !isAtEnd else { return nil }
            return step(at: position.offset).ascii ?? Self.otherCharacter
        }

        /// The character after `current`, in the same form.
        var next: UInt8? {
            guard !isAtEnd else { return nil }
            let after = position.offset + step(at: position.offset).length
            guard after < bytes.count else { return nil }
            return step(at: after).ascii ?? Self.otherCharacter
        }

        /// The current character itself, for messages.
        var currentCharacter: Character? {
            isAtEnd ? nil : text[stringIndex(position.offset)]
        }

        /// Whether the current character is one `Character.isNewline` accepts (LF, CR, VT, FF, NEL, LS, PS).
        var isAtNewline: Bool {
            switch current {
            case nil: false
            case Self.otherCharacter: currentCharacter?.isNewline ?? false
            case let ascii?: (0x0A...0x0D).contains(ascii)
            }
        }

        /// Whether the next two characters are the lone ASCII characters `first` and `second`.
        func isAt(_ first: UInt8, _ second: UInt8) -> Bool {
            let offset = position.offset
            guard offset + 1 < bytes.count, bytes[offset] == first, bytes[offset + 1] == second else { return false }
            // Both are ASCII, so only a combining mark after `second` could make it part of a longer character.
            if offset + 2 == bytes.count || bytes[offset + 2] < 0x80 { return true }
            return step(at: offset + 1).ascii == second
        }

        /// Whether the open delimiter starts here.
        var isAtOpen: Bool {
            delimiters.isStandard ? isAt(UInt8(ascii: "{"), UInt8(ascii: "{")) : isAt(delimiters.open)
        }

        /// Whether the close delimiter starts here.
        var isAtClose: Bool {
            delimiters.isStandard ? isAt(UInt8(ascii: "}"), UInt8(ascii: "}")) : isAt(delimiters.close)
        }

        /// Whether `sequence` (ASCII) starts here, its last byte not joined to a following combining mark.
        func isAt(_ sequence: [UInt8]) -> Bool {
            let offset = position.offset
            guard offset + sequence.count <= bytes.count else { return false }
            for index in sequence.indices where bytes[offset + index] != sequence[index] { return false }
            let end = offset + sequence.count
            if end == bytes.count || bytes[end] < 0x80 { return true }
            return step(at: end - 1).ascii == sequence[sequence.count - 1]
        }

        /// Steps over a delimiter found by `isAtOpen` or `isAtClose`.
        mutating func advance(over sequence: [UInt8]) {
            for _ in sequence { advance() }
        }

        mutating func advance() {
            position.offset += step(at: position.offset).length
            // A character ending in LF is "\n" or "\r\n": LF never joins anything but a preceding CR.
            if bytes[position.offset - 1] == 0x0A {
                position.line += 1
                position.column = 1
            } else {
                position.column += 1
            }
        }

        /// Advances to the next open delimiter or the end; with `{{`, to the
        /// next lone `{`, which the caller checks. The inner loop of reading
        /// text between tags.
        mutating func advanceToOpeningBrace() {
            guard delimiters.isStandard else {
                while !isAtEnd, !isAt(delimiters.open) { advance() }
                return
            }
            while !isAtEnd {
                // Pairs of ASCII bytes are always whole characters (CR LF aside),
                // so most text is counted here without asking `String`.
                position = bytes.withUnsafeBufferPointer { buffer in
                    var position = self.position
                    while position.offset + 1 < buffer.count, buffer[position.offset] < 0x80, buffer[position.offset + 1] < 0x80 {
                        switch buffer[position.offset] {
                        case UInt8(ascii: "{"):
                            return position
                        case 0x0A:
                            position.line += 1
                            position.column = 1
                        case 0x0D where buffer[position.offset + 1] == 0x0A:
                            position.offset += 1
                            position.line += 1
                            position.column = 1
                        default:
                            position.column += 1
                        }
                        position.offset += 1
                    }
                    return position
                }
                guard let character = current, character != UInt8(ascii: "{") else { return }
                advance()
            }
        }

        /// Skips `Character.isWhitespace`, as swift-mustache does inside tags; returns whether a line ended.
        @discardableResult
        mutating func skipWhitespace() -> Bool {
            var sawNewline = false
            while !isAtEnd {
                let step = step(at: position.offset)
                let isWhitespace: Bool
                if let ascii = step.ascii {
                    isWhitespace = ascii == 0x20 || (0x09...0x0D).contains(ascii)
                } else {
                    isWhitespace = text[stringIndex(position.offset)].isWhitespace
                }
                guard isWhitespace else { break }
                if bytes[position.offset + step.length - 1] == 0x0A { sawNewline = true }
                advance()
            }
            return sawNewline
        }

        /// Advances over lone ASCII characters for which `predicate` holds and returns them.
        mutating func read(while predicate: (UInt8) -> Bool) -> String {
            let start = position
            while let ascii = current, ascii != Self.otherCharacter, predicate(ascii) {
                advance()
            }
            return text(from: start)
        }

        /// The text between an earlier position and this one.
        func text(from start: Position) -> String {
            String(decoding: bytes[start.offset..<position.offset], as: UTF8.self)
        }

        // MARK: - Characters

        /// The length in bytes of the character at `offset`, and its value if it is a lone ASCII scalar.
        private func step(at offset: Int) -> (length: Int, ascii: UInt8?) {
            let byte = bytes[offset]
            let following: UInt8 = offset + 1 < bytes.count ? bytes[offset + 1] : 0
            if byte < 0x80, following < 0x80 {
                return byte == 0x0D && following == 0x0A ? (2, nil) : (1, byte)
            }
            let index = stringIndex(offset)
            let length = text.utf8.distance(from: index, to: text.index(after: index))
            return (length, byte < 0x80 && length == 1 ? byte : nil)
        }

        private func stringIndex(_ offset: Int) -> String.Index {
            text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        }
    }
}
