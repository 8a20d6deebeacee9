extension MustacheScanner {
    /// A position in the template that keeps its line and column as it moves,
    /// so no tag or error has to rescan the text to find where it is.
    ///
    /// It steps by `Character`, as swift-mustache's parser does, so a `{`
    /// carrying a combining mark is not a delimiter in either. Stepping through
    /// `String` indices costs a grapheme-break check per character, so runs of
    /// ASCII are read from the UTF-8 bytes and only other characters go through
    /// `String`.
    struct Cursor {
        /// Stands for any character other than a lone ASCII scalar (including CR LF).
        static let otherCharacter: UInt8 = 0x80

        let text: String
        private let bytes: [UInt8]
        /// Byte offset into `text.utf8`; always on a character boundary.
        private(set) var offset = 0
        /// 1-based, not including the caller's line offset.
        private(set) var line = 1
        /// 1-based, in characters.
        private(set) var column = 1

        init(_ text: String) {
            self.text = text
            self.bytes = Array(text.utf8)
        }

        var isAtEnd: Bool { offset == bytes.count }

        /// The current character's ASCII value, `otherCharacter` if it is not a lone ASCII scalar, nil at the end.
        var current: UInt8? {
            guard !isAtEnd else { return nil }
            return step(at: offset).ascii ?? Self.otherCharacter
        }

        /// The character after `current`, in the same form.
        var next: UInt8? {
            guard !isAtEnd else { return nil }
            let after = offset + step(at: offset).length
            guard after < bytes.count else { return nil }
            return step(at: after).ascii ?? Self.otherCharacter
        }

        /// The current character itself, for messages.
        var currentCharacter: Character? {
            isAtEnd ? nil : text[stringIndex(offset)]
        }

        /// Whether the next two characters are the lone ASCII characters `first` and `second`.
        func isAt(_ first: UInt8, _ second: UInt8) -> Bool {
            guard offset + 1 < bytes.count, bytes[offset] == first, bytes[offset + 1] == second else { return false }
            // Both are ASCII, so only a combining mark after `second` could join it to a longer character.
            if offset + 2 == bytes.count || bytes[offset + 2] < 0x80 { return true }
            return step(at: offset + 1).ascii == second
        }

        mutating func advance() {
            let step = step(at: offset)
            offset += step.length
            // A character ending in LF is "\n" or "\r\n": LF never joins anything but a preceding CR.
            if bytes[offset - 1] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }

        /// Advances to the next lone `{` or the end; the inner loop of reading text between tags.
        mutating func advanceToOpeningBrace() {
            // Plain ASCII is by far the most common text, so it is counted
            // straight from the bytes; anything else takes the general path.
            while !isAtEnd {
                let (offset, line, column) = bytes.withUnsafeBufferPointer { buffer in
                    var offset = self.offset
                    var line = self.line
                    var column = self.column
                    while offset + 1 < buffer.count, buffer[offset] < 0x80, buffer[offset + 1] < 0x80 {
                        switch buffer[offset] {
                        case UInt8(ascii: "{"):
                            return (offset, line, column)
                        case 0x0A:
                            line += 1
                            column = 1
                        case 0x0D where buffer[offset + 1] == 0x0A:
                            offset += 1
                            line += 1
                            column = 1
                        default:
                            column += 1
                        }
                        offset += 1
                    }
                    return (offset, line, column)
                }
                (self.offset, self.line, self.column) = (offset, line, column)
                guard let character = current, character != UInt8(ascii: "{") else { return }
                advance()
            }
        }

        /// Skips `Character.isWhitespace`, as swift-mustache does inside tags; returns whether a line ended.
        @discardableResult
        mutating func skipWhitespace() -> Bool {
            var sawNewline = false
            while !isAtEnd {
                let step = step(at: offset)
                let isWhitespace: Bool
                if let ascii = step.ascii {
                    isWhitespace = ascii == 0x20 || (0x09...0x0D).contains(ascii)
                } else {
                    isWhitespace = text[stringIndex(offset)].isWhitespace
                }
                guard isWhitespace else { break }
                if bytes[offset + step.length - 1] == 0x0A { sawNewline = true }
                advance()
            }
            return sawNewline
        }

        /// Advances over lone ASCII characters for which `predicate` holds and returns them.
        mutating func read(while predicate: (UInt8) -> Bool) -> String {
            let start = offset
            while let ascii = current, ascii != Self.otherCharacter, predicate(ascii) {
                advance()
            }
            return text(from: start)
        }

        /// The text between an earlier position and this one.
        func text(from start: Cursor) -> String {
            text(from: start.offset)
        }

        private func text(from start: Int) -> String {
            String(decoding: bytes[start..<offset], as: UTF8.self)
        }

        // MARK: - Characters

        /// The length in bytes of the character at `offset`, and its value if it is a lone ASCII scalar.
        private func step(at offset: Int) -> (length: Int, ascii: UInt8?) {
            let byte = bytes[offset]
            let following: UInt8 = offset + 1 < bytes.count ? bytes[offset + 1] : 0
            if byte < 0x80, following < 0x80 {
                // Two ASCII scalars always form separate characters, except CR LF.
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
