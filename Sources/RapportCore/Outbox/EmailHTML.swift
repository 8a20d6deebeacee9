import Foundation

/// Makes rendered HTML fit for an inbox, where there is no site around it:
/// links and images absolute, the Markdown's tags styled inline (many mail
/// clients drop `<style>`), and task-list checkboxes, which no client
/// shows, as the characters ☑ and ☐.
///
/// Works on rapport's own output (cmark-gfm's HTML and the email layout),
/// reading tags with the print inliner's scanner; text and closing tags
/// are copied byte for byte.
enum EmailHTML {
    /// Inline styles for the tags cmark-gfm writes, overridable per tag by
    /// `email.styles` in rapport.yml.
    static let defaultStyles: [String: String] = [
        "h1": "margin:24px 0 8px;font-size:24px;line-height:1.3;",
        "h2": "margin:24px 0 8px;font-size:20px;line-height:1.3;",
        "h3": "margin:20px 0 8px;font-size:17px;line-height:1.3;",
        "p": "margin:0 0 14px;",
        "ul": "margin:0 0 14px;padding-left:22px;",
        "ol": "margin:0 0 14px;padding-left:22px;",
        "li": "margin:0 0 6px;",
        "table": "border-collapse:collapse;margin:0 0 16px;width:100%;",
        "th": "border:1px solid #d0d4da;padding:6px 8px;background:#f3f5f7;",
        "td": "border:1px solid #d0d4da;padding:6px 8px;",
        "blockquote": "margin:0 0 14px;padding:0 0 0 12px;border-left:3px solid #d0d4da;color:#4a5160;",
        "a": "color:#1a56db;",
        "img": "max-width:100%;height:auto;border:0;",
        "hr": "border:0;border-top:1px solid #d0d4da;margin:20px 0;",
        "pre": "margin:0 0 14px;padding:10px;background:#f3f5f7;white-space:pre-wrap;",
        "code": "font-family:Menlo,Consolas,monospace;font-size:90%;",
    ]

    /// Inline styles by tag, with each tag's ` style="..."` attribute
    /// escaped once: every message of an outbox shares them, and escaping
    /// them per message was a twentieth of the outbox's CPU.
    struct InlineStyles: Sendable {
        let byTag: [String: String]
        let attributes: [String: [UInt8]]

        init(_ styles: [String: String]) {
            byTag = styles.filter { !$0.value.isEmpty }
            attributes = byTag.mapValues { Array(" style=\"\(HTMLEntities.escapeAttribute($0))\"".utf8) }
        }
    }

    /// `html` with a `style` attribute on every tag `styles` names (before
    /// any style the tag already has, so the author's wins) and checkboxes
    /// as characters.
    static func styled(_ html: String, styles: InlineStyles) -> String {
        String(decoding: styled(bytes: Array(html.utf8), styles: styles), as: UTF8.self)
    }

    /// `styled` for UTF-8 bytes, as the renderer makes them.
    static func styled(bytes html: [UInt8], styles: InlineStyles) -> [UInt8] {
        rewrite(
            html, mayChange: { element, attribute in attribute == nil ? element == "input" : attribute == "style" },
            unchanged: { name, bytes, range in
                // Most tags have no style of their own: the attribute goes in
                // before the closing `>` (or ` />`), where `HTMLTag.html` would
                // write it, without reading and writing the tag again.
                guard let attribute = styles.attributes[name] else { return nil }
                var insert = range.upperBound - 1
                if bytes[insert - 1] == UInt8(ascii: "/") {
                    insert -= 1
                    if bytes[insert - 1] == UInt8(ascii: " ") { insert -= 1 }
                }
                return (insert, attribute)
            }
        ) { tag in
            if tag.name == "input", tag.value(of: "type")?.lowercased() == "checkbox" {
                return tag.attributes.contains { $0.name == "checked" } ? "☑" : "☐"
            }
            guard let style = styles.byTag[tag.name] else { return nil }
            var tag = tag
            if let index = tag.attributes.firstIndex(where: { $0.name == "style" }) {
                tag.attributes[index] = HTMLAttribute(name: "style", value: style + (tag.attributes[index].value ?? ""))
            } else {
                tag.attributes.append(HTMLAttribute(name: "style", value: style))
            }
            return tag.html
        }
    }

    /// `html` with every relative `href` and `src` resolved against `page`
    /// (the message's web address), so they work from an inbox.
    static func absolute(_ html: String, page: URL) -> String {
        String(decoding: absolute(bytes: Array(html.utf8), page: page), as: UTF8.self)
    }

    /// `absolute` for UTF-8 bytes, as the email layout renders them.
    static func absolute(bytes html: [UInt8], page: URL) -> [UInt8] {
        rewrite(html, mayChange: { _, attribute in attribute == "href" || attribute == "src" }) { tag in
            var changed = false
            var tag = tag
            for index in tag.attributes.indices where ["href", "src"].contains(tag.attributes[index].name) {
                guard let value = tag.attributes[index].value, let resolved = absoluteURL(value, page: page), resolved != value else {
                    continue
                }
                tag.attributes[index] = HTMLAttribute(name: tag.attributes[index].name, value: resolved)
                changed = true
            }
            return changed ? tag.html : nil
        }
    }

    /// `reference` resolved against `page`; nil when it cannot be read as
    /// a URL. References with a scheme (`https:`, `mailto:`, `cid:`) and
    /// fragments (`#goals`) stay as written.
    static func absoluteURL(_ reference: String, page: URL) -> String? {
        // cmark-gfm writes destinations without surrounding spaces; layouts might not.
        let trimmed = reference.first == " " || reference.last == " " ? reference.trimmingCharacters(in: .whitespaces) : reference
        if trimmed.isEmpty || trimmed.hasPrefix("#") || URLText.hasScheme(trimmed) { return reference }
        return URL(string: trimmed, relativeTo: page)?.absoluteURL.absoluteString
    }

    // MARK: - Private

    /// The lowercased element name of the tag whose `<` is at `start`.
    private static func tagName(_ bytes: [UInt8], at start: Int) -> String {
        var end = start + 1
        while end < bytes.count, !HTMLTag.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/") {
            end += 1
        }
        return String(decoding: bytes[(start + 1)..<end], as: UTF8.self).lowercased()
    }

    /// Copies `html`, replacing each opening tag for which `replace` returns
    /// text. Tags where `mayChange(element, attribute)` is false for the
    /// element (attribute nil) and each attribute are skipped without making
    /// their attribute values, as the print inliner does.
    /// `unchanged(name, bytes, range)` may insert bytes into a tag that
    /// `mayChange` let through unread: where, and what.
    private static func rewrite(
        _ bytes: [UInt8], mayChange: (String, String?) -> Bool,
        unchanged: ((String, [UInt8], Range<Int>) -> (Int, [UInt8])?)? = nil,
        _ replace: (HTMLTag) -> String?
    ) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, HTMLTag.isLetter(bytes[index + 1]) else {
                index += 1
                continue
            }
            if let end = HTMLTag.endIfUnchanged(bytes, at: index, mayChange: mayChange) {
                // The name is made only for a pass that inserts into unread tags.
                if let unchanged, let (insert, inserted) = unchanged(tagName(bytes, at: index), bytes, index..<end) {
                    output.append(contentsOf: bytes[copied..<insert])
                    output.append(contentsOf: inserted)
                    copied = insert
                }
                index = end
                continue
            }
            guard let tag = HTMLTag.scan(bytes, at: index) else {
                index += 1
                continue
            }
            if let replacement = replace(tag) {
                output.append(contentsOf: bytes[copied..<tag.range.lowerBound])
                output.append(contentsOf: replacement.utf8)
                copied = tag.range.upperBound
            }
            index = tag.range.upperBound
        }
        guard copied > 0 else { return bytes }
        output.append(contentsOf: bytes[copied...])
        return output
    }
}
