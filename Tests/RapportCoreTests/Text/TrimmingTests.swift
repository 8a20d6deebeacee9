import Testing

@testable import RapportCore

/// `trimmed` and `isBlank` take a shortcut when the ends are printable
/// ASCII; it must agree with walking the characters, which it replaces.
@Suite struct TrimmingTests {
    private static let samples = [
        "", " ", "a", " a ", "a b", "\ta\n", "\r\n", "\u{00A0}x\u{2003}", "x\u{00A0}", "a\u{301}", "\u{301}a",
        "é ", " é", "Bäckerei", "\u{0600}1", "1\u{0600}", "👍🏽", " 👍🏽x", "x\u{200D}", "\u{FEFF}x", "~", "!\u{7F}",
    ]

    @Test func trimsAsWalkingTheCharactersDoes() {
        for text in Self.samples {
            let characters = text[...]
            let expected: Substring =
                characters.firstIndex(where: { !$0.isWhitespace }).map { first in
                    characters[first...characters.lastIndex(where: { !$0.isWhitespace })!]
                } ?? ""
            #expect(text.trimmed == expected, "\(Array(text.unicodeScalars))")
            #expect(text[...].trimmed == expected, "\(Array(text.unicodeScalars))")
            #expect(text.isBlank == text.allSatisfy(\.isWhitespace), "\(Array(text.unicodeScalars))")
        }
    }
}
