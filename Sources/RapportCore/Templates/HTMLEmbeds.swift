import CRapportSupport

/// Carries trusted HTML (charts, rendered notes) through Markdown.
///
/// cmark-gfm in safe mode drops raw HTML, and the Markdown content type
/// escapes merged values, so a chart cannot simply be pasted into the
/// Markdown. Instead the view model holds a token (letters and digits only,
/// unchanged by every escaping), and once the page is rendered each token
/// is replaced by its HTML. The token carries a per-build random nonce, so
/// customer data can never spell one.
final class HTMLEmbeds {
    private let prefix: [UInt8]
    private var fragments: [String] = []
    /// What each fragment says in Markdown, for an email's text part
    /// (a note's own Markdown; "" for a chart, whose numbers the text tables carry).
    private var markdownAlternatives: [String] = []
    /// Fragments rapport drew itself (charts): no external references, so
    /// the print inliner need not read them.
    private var selfContained: [Bool] = []

    init(nonce: String) {
        prefix = Array("rapportembed\(nonce)n".utf8)
    }

    /// A value to put in the view model in place of `html`: a token of
    /// letters and digits, which every content type merges unchanged.
    func embed(_ html: String, markdown: String = "", selfContained: Bool = false) -> TemplateValue {
        fragments.append(html)
        markdownAlternatives.append(markdown)
        self.selfContained.append(selfContained)
        return .text(String(decoding: prefix, as: UTF8.self) + "\(fragments.count - 1)x")
    }

    /// `html` with every token replaced by its fragment; a token alone in a
    /// paragraph replaces the whole paragraph (an SVG or a list is a block).
    ///
    /// Searches UTF-8 bytes: Foundation's `range(of:)` here was a tenth of
    /// the build time.
    func resolve(_ html: String, keepingSelfContained: Bool = false) -> String {
        guard !fragments.isEmpty else { return html }
        return String(decoding: resolve(bytes: Array(html.utf8), keepingSelfContained: keepingSelfContained), as: UTF8.self)
    }

    /// `resolve` for a page's UTF-8 bytes, as the build writes them: a
    /// page made a string only to be written out was checked as UTF-8 and
    /// copied for nothing.
    func resolve(bytes html: [UInt8], keepingSelfContained: Bool = false) -> [UInt8] {
        replaceTokens(in: html, with: fragments, keepingSelfContained: keepingSelfContained)
    }

    /// Merged Markdown with every token replaced by its fragment's Markdown
    /// alternative, for rendering the same document as plain text.
    func resolveMarkdown(_ markdown: String) -> String {
        guard !markdownAlternatives.isEmpty else { return markdown }
        return String(
            decoding: replaceTokens(in: Array(markdown.utf8), with: markdownAlternatives, keepingSelfContained: false), as: UTF8.self)
    }

    /// `bytes` with the tokens replaced; `bytes` itself when there are none.
    private func replaceTokens(in bytes: [UInt8], with fragments: [String], keepingSelfContained: Bool) -> [UInt8] {
        guard !fragments.isEmpty, let first = Self.find(prefix, in: bytes, from: 0) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + fragments.reduce(0) { $0 + $1.utf8.count })
        var copied = 0
        var match: Int? = first
        let paragraphOpen = Array("<p>".utf8)
        let paragraphClose = Array("</p>".utf8)
        while let start = match {
            var end = start + prefix.count
            var index = 0
            var digits = 0
            while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39, digits < 9 {
                index = index * 10 + Int(bytes[end] - 0x30)
                end += 1
                digits += 1
            }
            guard digits > 0, end < bytes.count, bytes[end] == UInt8(ascii: "x"), index < fragments.count,
                !(keepingSelfContained && selfContained[index])
            else {
                match = Self.find(prefix, in: bytes, from: start + 1)
                continue
            }
            end += 1
            var blockStart = start
            var blockEnd = end
            if start >= 3, Array(bytes[(start - 3)..<start]) == paragraphOpen,
                end + 4 <= bytes.count, Array(bytes[end..<(end + 4)]) == paragraphClose
            {
                blockStart -= 3
                blockEnd += 4
            }
            if blockStart > copied { output.append(contentsOf: bytes[copied..<blockStart]) }
            output.append(contentsOf: fragments[index].utf8)
            copied = blockEnd
            match = Self.find(prefix, in: bytes, from: blockEnd)
        }
        if copied < bytes.count { output.append(contentsOf: bytes[copied...]) }
        return output
    }

    /// A fresh random nonce for one build.
    static func makeNonce() -> String {
        String(UInt64.random(in: .min ... .max), radix: 36)
    }

    /// The C library's `memmem`: a byte-by-byte Swift loop here was 1.5%
    /// of a build's CPU, every page being searched once or twice.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= haystack.count - needle.count else { return nil }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                rapport_find_bytes(hay.baseAddress! + start, hay.count - start, pin.baseAddress!, pin.count).map { $0 - UnsafeRawPointer(hay.baseAddress!) }
            }
        }
    }
}
