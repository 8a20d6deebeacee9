import Foundation

extension PrintInliner {
    /// Copies the page, rewriting the tags that fetch something.
    func inlineHTML(_ bytes: [UInt8], problems: inout [PrintProblem]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) else {
                output += bytes[index...]
                break
            }
            output += bytes[index..<open]
            index = open
            if Self.hasPrefix(bytes, "<!--", at: index) {
                let end = Self.find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                output += bytes[index..<end]
                index = end
                continue
            }
            if let end = Self.plainTagEnd(bytes, at: index) ?? HTMLTag.endIfUnchanged(bytes, at: index, mayChange: Self.mayChange) {
                output += bytes[index..<end]
                index = end
                continue
            }
            guard let tag = HTMLTag.scan(bytes, at: index) else {
                // A closing tag, <!DOCTYPE>, <?...?> or a stray "<": copied unchanged.
                let isMarkup = index + 1 < bytes.count && "/!?".utf8.contains(bytes[index + 1])
                let end = isMarkup ? (bytes[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count) : index + 1
                output += bytes[index..<end]
                index = end
                continue
            }
            index = tag.range.upperBound
            let rawTextEnd =
                Self.rawTextElements.contains(tag.name) && !tag.selfClosing ? Self.findClosingTag(bytes, tag.name, from: index) : nil
            switch tag.name {
            case "style":
                let end = rawTextEnd ?? bytes.count
                let css = String(decoding: bytes[index..<end], as: UTF8.self)
                output += bytes[tag.range]
                output += Array(
                    Self.protectStyleText(inlineCSS(css, from: pageDirectory, source: "<style>", depth: 0, problems: &problems)).utf8)
                index = end
            case "script" where tag.value(of: "src") != nil:
                problems.append(PrintProblem(source: "<script src>", url: tag.value(of: "src") ?? "", reason: .script))
                let closeEnd = rawTextEnd.flatMap { bytes[$0...].firstIndex(of: UInt8(ascii: ">")) }.map { $0 + 1 } ?? bytes.count
                index = Self.skipLineBreak(after: closeEnd, in: bytes, output: output)
            case "script", "title", "textarea":
                let end = rawTextEnd ?? bytes.count
                output += bytes[tag.range]
                output += bytes[index..<end]
                index = end
            case "link":
                if let replacement = inlineLink(tag, problems: &problems) {
                    output += replacement.utf8
                } else {
                    index = Self.skipLineBreak(after: index, in: bytes, output: output)
                }
            case "base":
                // A <base> would re-aim every relative URL left in the page.
                index = Self.skipLineBreak(after: index, in: bytes, output: output)
            default:
                let rewritten = inlineAttributes(of: tag, problems: &problems)
                if rewritten == tag {
                    output += bytes[tag.range]
                } else {
                    output += rewritten.html.utf8
                }
            }
        }
        return output
    }

    // MARK: - Tags

    /// Elements whose content is text up to their closing tag, not markup.
    private static let rawTextElements: Set<String> = ["script", "style", "title", "textarea"]

    /// Elements `inlineHTML` handles by name rather than by attribute.
    private static let elementsWithOwnCase = rawTextElements.union(["link", "base"])

    /// Their names as bytes, for `plainTagEnd`.
    private static let elementsWithOwnCaseBytes = elementsWithOwnCase.map { Array($0.utf8) }

    /// One past the `>` of an opening tag that is a name of letters and
    /// digits and nothing else (`<p>`, `<td>`, `<h2>`), when the name is not
    /// one of `elementsWithOwnCase`: such a tag never changes. Nil for any
    /// other tag, which `endIfUnchanged` or `scan` then reads. Most tags of a
    /// page are these, and reading each as names and closures was most of
    /// the inliner's time.
    private static func plainTagEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        let nameStart = start + 1
        guard nameStart < bytes.count, HTMLTag.isLetter(bytes[nameStart]) else { return nil }
        var index = nameStart
        while index < bytes.count, HTMLTag.isLetter(bytes[index]) || (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return nil }
        let name = bytes[nameStart..<index]
        for special in elementsWithOwnCaseBytes where special.count == name.count {
            if zip(special, name).allSatisfy({ $0 == lowercased($1) }) { return nil }
        }
        return index + 1
    }

    /// A stylesheet link becomes a `<style>` element; any other link goes
    /// (nil). Icons go quietly; other links are reported when they point
    /// somewhere that is not an asset.
    private func inlineLink(_ tag: HTMLTag, problems: inout [PrintProblem]) -> String? {
        let rel = Set((tag.value(of: "rel") ?? "").lowercased().split(whereSeparator: \.isWhitespace))
        guard let href = tag.value(of: "href") else { return nil }
        if rel.contains("stylesheet") {
            // An inlined stylesheet depends only on the asset it resolves to
            // (its own url()s resolve against its folder), not on the page.
            guard case .asset(let assetPath) = AssetReference.locate(href, from: pageDirectory) else {
                return inlineStylesheet(tag, href: href, problems: &problems)
            }
            let key = "\(assetPath)|\(tag.value(of: "media") ?? "")"
            if let cached = cache?.stylesheet(key) {
                problems += cached.problems
                return cached.html
            }
            var found: [PrintProblem] = []
            let html = inlineStylesheet(tag, href: href, problems: &found)
            cache?.store(key, html: html, problems: found)
            problems += found
            return html
        }
        if rel.contains(where: { $0.contains("icon") }) { return nil }
        switch AssetReference.locate(href, from: pageDirectory) {
        case .unchanged, .asset:
            break
        default:
            let kind = rel.sorted().joined(separator: " ")
            _ = replacement(for: href, from: pageDirectory, source: "<link rel=\(kind)>", problems: &problems)
        }
        return nil
    }

    private func inlineStylesheet(_ tag: HTMLTag, href: String, problems: inout [PrintProblem]) -> String? {
        do {
            switch AssetReference.locate(href, from: pageDirectory) {
            case .unchanged:
                return tag.html
            case .asset(let path):
                guard let data = resolveAsset(path) else {
                    problems.append(PrintProblem(source: "<link rel=stylesheet>", url: href, reason: .notFound))
                    return nil
                }
                let css = inlineCSS(
                    Self.text(of: data), from: ["assets"] + Self.directory(of: path), source: "assets/\(path)", depth: 1,
                    problems: &problems)
                let media = tag.value(of: "media").map { " media=\"\(HTMLEntities.escapeAttribute($0))\"" } ?? ""
                return "<style\(media)>\n\(Self.protectStyleText(css))</style>"
            default:
                _ = replacement(for: href, from: pageDirectory, source: "<link rel=stylesheet>", problems: &problems)
                return nil
            }
        }
    }

    /// What `inlineAttributes` may do to an attribute's value.
    private enum AttributeRewrite {
        /// A fetched URL (`src`, `poster`, ...): inlined as a data URI or removed.
        case fetched
        /// Each candidate URL of an `img` or `source` `srcset`.
        case srcset
        /// The `url()`s of a `style` attribute.
        case style
        /// A link's `href`, made absolute.
        case link
    }

    /// The one list of the attributes the print page rewrites: both the
    /// rewriting and the skim that copies untouched tags ask it.
    private static func rewrite(of attribute: String, in element: String) -> AttributeRewrite? {
        if fetchedAttributes[element]?.contains(attribute) == true { return .fetched }
        switch (element, attribute) {
        case ("img", "srcset"), ("source", "srcset"): return .srcset
        case ("a", "href"), ("area", "href"): return .link
        case (_, "style"): return .style
        default: return nil
        }
    }

    /// Inlines the tag's fetched attributes, its `style` attribute's `url()`s
    /// and, for links, makes `href` absolute.
    private func inlineAttributes(of tag: HTMLTag, problems: inout [PrintProblem]) -> HTMLTag {
        var result = tag
        result.attributes = []
        for attribute in tag.attributes {
            guard let value = attribute.value, let rewrite = Self.rewrite(of: attribute.name, in: tag.name) else {
                result.attributes.append(attribute)
                continue
            }
            let source = "<\(tag.name) \(attribute.name)>"
            switch rewrite {
            case .fetched:
                switch replacement(for: value, from: pageDirectory, source: source, problems: &problems) {
                case .keep: result.attributes.append(attribute)
                case .dataURI(let uri): result.attributes.append(HTMLAttribute(name: attribute.name, value: uri))
                case .remove: break
                }
            case .srcset:
                let srcset = inlineSrcset(value, source: source, problems: &problems)
                if srcset == value {
                    result.attributes.append(attribute)
                } else if !srcset.isEmpty {
                    result.attributes.append(HTMLAttribute(name: attribute.name, value: srcset))
                }
            case .style:
                let css = inlineCSS(value, from: pageDirectory, source: "style attribute of <\(tag.name)>", depth: 0, problems: &problems)
                result.attributes.append(css == value ? attribute : HTMLAttribute(name: attribute.name, value: css))
            case .link:
                result.attributes.append(absoluteLink(value).map { HTMLAttribute(name: attribute.name, value: $0) } ?? attribute)
            }
        }
        return result
    }

    /// Whether `element` (any of its tags, when `attribute` is nil) or its
    /// `attribute` may make `inlineHTML` rewrite the tag: elements with a
    /// case of their own always may; otherwise the attributes `rewrite` lists.
    private static func mayChange(_ element: String, _ attribute: String?) -> Bool {
        guard let attribute else { return elementsWithOwnCase.contains(element) }
        return rewrite(of: attribute, in: element) != nil
    }

    /// Attributes a browser or print engine fetches, per element.
    private static let fetchedAttributes: [String: Set<String>] = [
        "img": ["src"],
        "source": ["src"],
        "input": ["src"],
        "iframe": ["src"],
        "frame": ["src"],
        "embed": ["src"],
        "audio": ["src"],
        "track": ["src"],
        "video": ["src", "poster"],
        "object": ["data"],
        "image": ["href", "xlink:href"],
        "use": ["href", "xlink:href"],
        "feimage": ["href", "xlink:href"],
        "body": ["background"],
        "table": ["background"],
        "tr": ["background"],
        "td": ["background"],
        "th": ["background"],
    ]

    // MARK: - Bytes and text

    static func hasPrefix(_ bytes: [UInt8], _ prefix: String, at index: Int, caseInsensitive: Bool = false) -> Bool {
        // The UTF-8 view itself, not an array of it: this runs at every "<".
        let prefix = prefix.utf8
        guard index + prefix.count <= bytes.count else { return false }
        for (offset, byte) in prefix.enumerated() {
            let other = bytes[index + offset]
            if other == byte { continue }
            if caseInsensitive, lowercased(other) == lowercased(byte) { continue }
            return false
        }
        return true
    }

    static func find(_ bytes: [UInt8], _ needle: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard let first = needle.utf8.first else { return nil }
        var index = start
        while index < bytes.count {
            if lowercased(bytes[index]) == lowercased(first), hasPrefix(bytes, needle, at: index, caseInsensitive: caseInsensitive) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Where `</name` starts (case-insensitive), or nil.
    private static func findClosingTag(_ bytes: [UInt8], _ name: String, from start: Int) -> Int? {
        var index = start
        while let candidate = find(bytes, "</\(name)", from: index, caseInsensitive: true) {
            let after = candidate + 2 + name.utf8.count
            if after >= bytes.count || HTMLTag.isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">")
                || bytes[after] == UInt8(ascii: "/")
            {
                return candidate
            }
            index = candidate + 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// Skips the line break after a removed tag that stood alone on its
    /// line, so removals leave no blank lines behind.
    private static func skipLineBreak(after index: Int, in bytes: [UInt8], output: [UInt8]) -> Int {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\n"), output.isEmpty || output.last == UInt8(ascii: "\n") else {
            return index
        }
        return index + 1
    }

    /// CSS text that cannot end its `<style>` element early: `</style` becomes
    /// `<\/style` (the same characters to CSS).
    static func protectStyleText(_ css: String) -> String {
        // No "<" at all is the usual case, and needs no Foundation search.
        guard css.utf8.contains(UInt8(ascii: "<")), css.range(of: "</style", options: .caseInsensitive) != nil else { return css }
        var result = ""
        var rest = css[...]
        while let range = rest.range(of: "</style", options: .caseInsensitive) {
            result += rest[..<range.lowerBound]
            result += "<\\/" + rest[rest.index(range.lowerBound, offsetBy: 2)..<range.upperBound]
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// UTF-8 text of a stylesheet, without a byte-order mark.
    static func text(of data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The folder segments of a path below `assets/`.
    static func directory(of path: String) -> [String] {
        Array(path.split(separator: "/").dropLast().map(String.init))
    }
}
