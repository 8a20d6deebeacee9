import Mustache

/// Carries trusted HTML (charts, rendered notes) through Markdown.
///
/// cmark-gfm in safe mode drops raw HTML, and the Markdown content type
/// escapes merged values, so a chart cannot simply be pasted into the
/// Markdown. Instead the view model holds a token (letters and digits only,
/// unchanged by every escaping), and once the page is rendered each token
/// is replaced by its HTML. The token carries a per-build random nonce, so
/// customer data can never spell one.
final class HTMLEmbeds {
    private let prefix: String
    private var fragments: [String] = []

    init(nonce: String) {
        prefix = "rapportembed\(nonce)n"
    }

    /// A value to put in the view model in place of `html`.
    func embed(_ html: String) -> EmbeddedHTML {
        fragments.append(html)
        return EmbeddedHTML(token: "\(prefix)\(fragments.count - 1)x")
    }

    /// `html` with every token replaced by its fragment; a token alone in a
    /// paragraph replaces the whole paragraph (an SVG or a list is a block).
    func resolve(_ html: String) -> String {
        guard !fragments.isEmpty, html.contains(prefix) else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + fragments.reduce(0) { $0 + $1.utf8.count })
        var rest = html[...]
        while let range = rest.range(of: prefix) {
            var before = rest[..<range.lowerBound]
            var after = rest[range.upperBound...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, after.dropFirst(digits.count).first == "x", let index = Int(digits), index < fragments.count else {
                result += rest[..<range.upperBound]
                rest = after
                continue
            }
            after = after.dropFirst(digits.count + 1)
            if before.hasSuffix("<p>"), after.hasPrefix("</p>") {
                before = before.dropLast(3)
                after = after.dropFirst(4)
            }
            result += before
            result += fragments[index]
            rest = after
        }
        result += rest
        return result
    }

    /// A fresh random nonce for one build.
    static func makeNonce() -> String {
        String(UInt64.random(in: .min ... .max), radix: 36)
    }
}

/// A token standing for trusted HTML in a view model (see `HTMLEmbeds`).
struct EmbeddedHTML: MustacheCustomRenderable, Sendable {
    let token: String
    var renderText: String { token }
    var isNull: Bool { false }
}
