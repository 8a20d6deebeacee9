import Foundation
import RapportCore

/// The data behind the dashboard's customer switcher, served as
/// `/_rapport/customers.json`: every customer with their hub page, and
/// the worst cases to check by eye (the largest and the smallest
/// newsletter page, where long names and empty fields show up).
struct CustomerIndex: Sendable, Hashable, Encodable {
    struct Customer: Sendable, Hashable, Encodable {
        var id: String
        /// The hub page's `<title>` (the customer's name in the stock
        /// layouts); the id when the page has none.
        var name: String
        var path: String
    }

    struct Page: Sendable, Hashable, Encodable {
        var id: String
        var name: String
        var path: String
        var bytes: Int
    }

    var customers: [Customer] = []
    var longest: Page?
    var emptiest: Page?

    /// Reads `manifest.json` in `outputDirectory`; empty when there is none yet.
    static func load(from outputDirectory: URL) -> CustomerIndex {
        // Only paths a request could reach; the manifest is read, not trusted.
        let files = OutputManifest.files(in: outputDirectory).filter { $0.customer != nil && OutputFileResolver.isSafeRelativePath($0.path) }

        var index = CustomerIndex()
        var names: [String: String] = [:]
        for file in files where file.kind == "customer" {
            let id = file.customer!
            let name = title(ofPageAt: outputDirectory.appendingPathComponent(file.path)) ?? id
            names[id] = name
            index.customers.append(Customer(id: id, name: name, path: urlPath(file.path)))
        }
        index.customers.sort { ($0.id, $0.path) < ($1.id, $1.path) }

        for file in files where file.kind == "newsletter" {
            let url = outputDirectory.appendingPathComponent(file.path)
            guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int else { continue }
            let id = file.customer!
            let page = Page(id: id, name: names[id] ?? id, path: urlPath(file.path), bytes: size)
            // Strict comparisons keep the first in manifest (path) order on ties.
            if index.longest.map({ size > $0.bytes }) ?? true { index.longest = page }
            if index.emptiest.map({ size < $0.bytes }) ?? true { index.emptiest = page }
        }
        return index
    }

    /// The JSON the switcher fetches, with sorted keys so it is stable.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    // MARK: - Reading pages

    /// `customers/x/index.html` -> `/customers/x/`.
    private static func urlPath(_ path: String) -> String {
        var path = path
        if path == "index.html" || path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        return "/" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }

    /// The text of the first `<title>`, from the page's first 64 KiB.
    static func title(ofPageAt url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 65_536) else { return nil }
        let head = String(decoding: data, as: UTF8.self)
        guard let open = head.range(of: "<title>", options: .caseInsensitive),
            let close = head.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<head.endIndex)
        else { return nil }
        let title = unescape(String(head[open.upperBound..<close.lowerBound]))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return title.isEmpty ? nil : title
    }

    /// Undoes the escapes a layout puts in a title: the five named ones and numeric references.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            var replacement: String?
            if let value = named[String(entity)] {
                replacement = value
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16) {
                replacement = Unicode.Scalar(code).map(String.init)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()) {
                replacement = Unicode.Scalar(code).map(String.init)
            }
            if let replacement {
                result += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}
