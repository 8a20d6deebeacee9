extension PrintInliner {
    /// Inlines the `url()`s and `@import`s of `css`, whose relative URLs
    /// resolve against `directory`. Comments and strings are copied
    /// unchanged; a reference that cannot be inlined becomes `none` (an
    /// `@import` is removed) and is reported.
    func inlineCSS(_ css: String, from directory: [String], source: String, depth: Int, problems: inout [PrintProblem]) -> String {
        let bytes = Array(css.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if Self.hasPrefix(bytes, "/*", at: index) {
                let end = Self.find(bytes, "*/", from: index + 2).map { $0 + 2 } ?? bytes.count
                output += bytes[index..<end]
                index = end
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let end = Self.endOfString(bytes, from: index)
                output += bytes[index..<end]
                index = end
            } else if byte == UInt8(ascii: "@"), Self.hasPrefix(bytes, "@import", at: index, caseInsensitive: true),
                let rule = Self.scanImport(bytes, at: index)
            {
                output += Array(inlineImport(rule, from: directory, source: source, depth: depth, problems: &problems).utf8)
                index = rule.end
            } else if Self.startsURL(bytes, at: index), let token = Self.scanURL(bytes, at: index) {
                switch replacement(for: token.url, from: directory, source: "url() in \(source)", problems: &problems) {
                case .keep: output += bytes[index..<token.end]
                case .dataURI(let uri): output += Array("url(\"\(uri)\")".utf8)
                case .remove: output += Array("none".utf8)
                }
                index = token.end
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - @import

    /// `@import url(x) media;` or `@import "x" media;`, from `@` to after `;`.
    struct ImportRule {
        var url: String
        var media: String
        var end: Int
    }

    /// A local stylesheet is inlined in place (inside `@media` when the rule
    /// names media); anything else is removed.
    private func inlineImport(_ rule: ImportRule, from directory: [String], source: String, depth: Int, problems: inout [PrintProblem])
        -> String
    {
        let problemSource = "@import in \(source)"
        guard case .asset(let path) = AssetReference.locate(rule.url, from: directory) else {
            _ = replacement(for: rule.url, from: directory, source: problemSource, problems: &problems)
            return ""
        }
        guard depth < Self.maximumImportDepth else {
            problems.append(PrintProblem(source: problemSource, url: rule.url, reason: .importTooDeep))
            return ""
        }
        guard let data = resolveAsset(path) else {
            problems.append(PrintProblem(source: problemSource, url: rule.url, reason: .notFound))
            return ""
        }
        let css = inlineCSS(
            Self.text(of: data), from: ["assets"] + Self.directory(of: path), source: "assets/\(path)", depth: depth + 1,
            problems: &problems)
        return rule.media.isEmpty ? css : "@media \(rule.media) {\n\(css)\n}"
    }

    private static func scanImport(_ bytes: [UInt8], at start: Int) -> ImportRule? {
        var index = start + "@import".utf8.count
        skipSpace(bytes, &index)
        let url: String
        if startsURL(bytes, at: index), let token = scanURL(bytes, at: index) {
            url = token.url
            index = token.end
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            let end = endOfString(bytes, from: index)
            url = String(decoding: bytes[(index + 1)..<max(index + 1, end - 1)], as: UTF8.self)
            index = end
        } else {
            return nil
        }
        let mediaStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
        let media = String(decoding: bytes[mediaStart..<index], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return ImportRule(url: url, media: media, end: min(index + 1, bytes.count))
    }

    // MARK: - url()

    /// `url(` not preceded by a name character (`my-url(` is another function).
    private static func startsURL(_ bytes: [UInt8], at index: Int) -> Bool {
        guard hasPrefix(bytes, "url(", at: index, caseInsensitive: true) else { return false }
        guard index > 0 else { return true }
        let before = bytes[index - 1]
        return
            !(HTMLTag.isLetter(before) || (0x30...0x39).contains(before) || before == UInt8(ascii: "-") || before == UInt8(ascii: "_")
            || before >= 0x80)
    }

    /// The URL of a `url(...)` token and where the token ends; nil for a
    /// malformed token, which CSS ignores (so it fetches nothing).
    private static func scanURL(_ bytes: [UInt8], at start: Int) -> (url: String, end: Int)? {
        var index = start + 4
        skipSpace(bytes, &index)
        guard index < bytes.count else { return nil }
        let url: String
        if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            let end = endOfString(bytes, from: index)
            guard end - 1 > index, bytes[end - 1] == bytes[index] else { return nil }
            url = String(decoding: bytes[(index + 1)..<(end - 1)], as: UTF8.self)
            index = end
            skipSpace(bytes, &index)
        } else {
            let valueStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ")"), !HTMLTag.isSpace(bytes[index]) {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(") { return nil }
                index += 1
            }
            url = String(decoding: bytes[valueStart..<index], as: UTF8.self)
            skipSpace(bytes, &index)
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else { return nil }
        return (url, index + 1)
    }

    /// The index after a quoted CSS string starting at `start` (backslash
    /// escapes skipped); an unclosed string ends at the line's end.
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == quote { return index + 1 }
            if byte == UInt8(ascii: "\n") { return index }
            index += 1
        }
        return bytes.count
    }

    private static func skipSpace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, HTMLTag.isSpace(bytes[index]) { index += 1 }
    }
}
