import Testing
import TestSupport

@testable import RapportCore

/// Front matter fences, line endings, and the byte splitter against the
/// `Character`-line splitter it replaced.
@Suite struct FrontMatterSplitterTests {
    /// The splitter as it was written on `Character` lines: the reference.
    static func characterSplit(_ text: String) -> (FrontMatterSplitter.Split, unclosedAt: Int?) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        func trimmed(_ line: Substring) -> Substring { line.last == "\r" ? line.dropLast() : line }
        guard let first = lines.first, trimmed(first) == "---" else {
            return (.init(yaml: nil, yamlLineOffset: 0, body: text, bodyLineOffset: 0), nil)
        }
        for index in 1..<lines.count {
            let line = trimmed(lines[index])
            if line == "---" || line == "..." {
                return (
                    .init(
                        yaml: lines[1..<index].joined(separator: "\n"), yamlLineOffset: 1,
                        body: lines[(index + 1)...].joined(separator: "\n"), bodyLineOffset: index + 1), nil
                )
            }
        }
        return (.init(yaml: nil, yamlLineOffset: 0, body: text, bodyLineOffset: 0), 1)
    }

    static func same(_ text: String) -> Bool {
        let (split, unclosed) = FrontMatterSplitter.split(text)
        let (reference, referenceUnclosed) = characterSplit(text)
        return split.yaml == reference.yaml && split.body == reference.body && split.yamlLineOffset == reference.yamlLineOffset
            && split.bodyLineOffset == reference.bodyLineOffset && unclosed == referenceUnclosed
    }

    @Test func splitsYAMLFromTheBodyWithLineNumbers() {
        let (split, unclosed) = FrontMatterSplitter.split("---\ntitle: Hi\nlayout: x\n---\nBody\n")
        #expect(split.yaml == "title: Hi\nlayout: x")
        #expect(split.yamlLineOffset == 1)
        #expect(split.body == "Body\n")
        #expect(split.bodyLineOffset == 4)
        #expect(unclosed == nil)
    }

    @Test func windowsLineEndingsBecomeLineFeeds() {
        let (split, _) = FrontMatterSplitter.split("---\r\ntitle: Hi\r\n...\r\nBody\r\nmore\r\n")
        #expect(split.yaml == "title: Hi")
        #expect(split.body == "Body\nmore\n")
    }

    @Test func anUnclosedFenceNamesLineOne() {
        let (split, unclosed) = FrontMatterSplitter.split("---\ntitle: Hi\n")
        #expect(split.yaml == nil)
        #expect(split.body == "---\ntitle: Hi\n")
        #expect(unclosed == 1)
    }

    @Test func noFenceMeansAllBody() {
        let (split, unclosed) = FrontMatterSplitter.split("Hello ---\n---\n")
        #expect(split.yaml == nil)
        #expect(split.body == "Hello ---\n---\n")
        #expect(unclosed == nil)
    }

    @Test func matchesTheCharacterSplitterOnRandomFiles() {
        let pieces = [
            "---", "...", "--", "----", "\n", "\r\n", "\r", "\r\r\n", "\n\r", "title: x", " ", "é", "e\u{301}", "👩🏽‍💻", "\u{2028}",
            "\n\u{301}", "-", ".", "\u{FEFF}",
        ]
        var generator = SeededGenerator(seed: 20_261_127)
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...14, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Self.same(text), "\(text.debugDescription)")
        }
    }
}
