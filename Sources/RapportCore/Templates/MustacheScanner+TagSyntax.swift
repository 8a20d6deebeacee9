extension MustacheScanner {
    /// Why the inside of a tag could not be read, and where reading stopped.
    struct TagSyntaxError: Error {
        enum Reason: Equatable {
            /// The text ended before `}}`.
            case endOfText
            /// Another `{{` starts before this tag's `}}`: the tag was never closed.
            case runsIntoNextTag
            /// A line ended inside the tag and something other than `}}` followed.
            case runsOntoNextLine
            /// A single `}` where `}}` was expected.
            case singleBrace
            /// A second word after the name, as in `{{first name}}`.
            case spaceInName
            /// A character no name may contain.
            case unexpected(Character)
            /// `{{{name}}` without the third `}`.
            case missingThirdBrace
            /// `{{%...}}` not of the form `{{%KEY:VALUE}}`.
            case invalidPragma
        }

        var reason: Reason
        /// Where reading stopped; scanning resumes from here.
        var position: Cursor.Position
    }

    // swift-mustache's sectionNameChars, sectionNameCharsWithoutBrackets and
    // partialNameChars; all ASCII, so they are tested on the cursor's bytes.

    static func isNameByte(_ byte: UInt8) -> Bool {
        isPlainNameByte(byte) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }

    static func isPlainNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }

    static func isPartialNameByte(_ byte: UInt8) -> Bool {
        isNameByte(byte) || byte == UInt8(ascii: "/")
    }

    /// Reads `whitespace name whitespace }}` the way swift-mustache's `parseName` does.
    static func readName(
        _ cursor: inout Cursor,
        allowing isAllowed: (UInt8) -> Bool
    ) throws(TagSyntaxError) -> String {
        let newlineBefore = cursor.skipWhitespace()
        let name = cursor.read(while: isAllowed)
        let newlineAfter = cursor.skipWhitespace()
        guard cursor.isAtClose else {
            throw syntaxError(at: cursor, afterNewline: newlineBefore || newlineAfter, isAllowed: isAllowed)
        }
        cursor.advance(over: cursor.delimiters.close)
        return name
    }

    /// Splits `a(b(name))` into `name` and `["a", "b"]` by swift-mustache's rules; nil if malformed.
    ///
    /// `a()` is valid with an empty name: swift-mustache applies such
    /// transforms to the position in the enclosing loop (`{{^last()}}`).
    static func splitTransforms(_ text: String) -> (name: String, transforms: [String])? {
        guard text.contains(where: { $0 == "(" || $0 == ")" }) else { return (text, []) }
        var transforms: [String] = []
        var rest = Substring(text)
        while true {
            // The text holds only name characters, so a word runs to the next bracket.
            let word = rest.prefix { $0 != "(" && $0 != ")" }
            rest = rest[word.endIndex...]
            guard let delimiter = rest.first else { return nil }
            if delimiter == "(" {
                transforms.append(String(word))
                rest = rest.dropFirst()
                continue
            }
            let closing = rest.prefix(while: { $0 == ")" })
            guard !transforms.isEmpty, closing.count == transforms.count, closing.endIndex == rest.endIndex else {
                return nil
            }
            return (String(word), transforms)
        }
    }

    // MARK: - Classifying errors

    private static func syntaxError(
        at cursor: Cursor,
        afterNewline: Bool,
        isAllowed: (UInt8) -> Bool
    ) -> TagSyntaxError {
        let reason: TagSyntaxError.Reason
        if let byte = cursor.current, let character = cursor.currentCharacter {
            if cursor.isAtOpen {
                reason = .runsIntoNextTag
            } else if afterNewline {
                reason = .runsOntoNextLine
            } else if byte == cursor.delimiters.close[0] {
                reason = cursor.next == nil ? .endOfText : .singleBrace
            } else if byte != Cursor.otherCharacter, isAllowed(byte) {
                // Reading the name stops only at a disallowed character, so an allowed one here follows a space.
                reason = .spaceInName
            } else {
                reason = .unexpected(character)
            }
        } else {
            reason = .endOfText
        }
        return TagSyntaxError(reason: reason, position: cursor.position)
    }
}
