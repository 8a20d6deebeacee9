import Crypto
import Foundation

/// Hashes of what each output was made from, recorded in manifest.json so
/// a later build can tell what changed.
enum InputHasher {
    static func hash(_ text: String) -> String {
        Hex.encode(sha256(text))
    }

    static func hash(_ data: Data) -> String {
        Hex.encode(SHA256.hash(data: data))
    }

    /// The SHA-256 of `text` as a `Digest`, for manifest entries: no hex
    /// text made only to be parsed back.
    static func digest(_ text: String) -> Digest {
        Digest(sha256(text))
    }

    static func digest(_ data: Data) -> Digest {
        Digest(SHA256.hash(data: data))
    }

    static func digest(_ bytes: [UInt8]) -> Digest {
        Digest(bytes.withUnsafeBytes { SHA256.hash(data: $0) })
    }

    /// Hashes the string's own UTF-8 bytes: `Data(text.utf8)` copied every
    /// page once more (90 MB for a 100,000-customer dashboard).
    private static func sha256(_ text: String) -> SHA256Digest {
        var text = text
        var hasher = SHA256()
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return hasher.finalize()
    }

    /// Config, layouts, content partials, today and rapport's version: what
    /// every page depends on.
    static func sharedHash(config: SiteConfig, partials: TemplateLibrary, layouts: TemplateLibrary, today: CalendarDate) -> String {
        var text = "rapport \(RapportVersion.current)\ntoday \(today)\n"
        text += canonical(config)
        for library in [partials, layouts] {
            for name in library.entries.keys.sorted() {
                text += "template \(name)\n\(library.sources[name] ?? "")\n"
            }
        }
        return hash(text)
    }

    /// A stable text form of a record (keys in file order, values tagged).
    static func canonical(_ object: RecordObject) -> String {
        var text = "{"
        for key in object.keys {
            text += "\(key.utf8.count):\(key)="
            text += object[key].map(canonical) ?? "~"
        }
        return text + "}"
    }

    static func canonical(_ value: RecordValue) -> String {
        switch value {
        case .text(let text): return "s\(text.utf8.count):\(text)"
        case .null: return "n"
        case .list(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .object(let object): return canonical(object)
        }
    }

    private static func canonical(_ config: SiteConfig) -> String {
        var lines = [
            "title \(config.title)", "base_url \(config.baseURL)", "locale \(config.locale)", "currency \(config.currency)",
            "sender \(config.sender.name)|\(config.sender.email)|\(config.sender.company)",
            "thresholds \(config.thresholds.renewalWindowDays) \(config.thresholds.checkinCadenceDays) \(config.thresholds.healthWatch) \(config.thresholds.healthAtRisk) \(config.thresholds.newCustomerDays)",
            "dashboard \(config.dashboard.listLimit) \(config.dashboard.pageSize)",
            "markdown \(config.markdown.maxBytes) \(config.markdown.maxTableColumns) \(config.markdown.maxBracketRun) \(config.markdown.maxNesting)",
            "private \(config.privateURLs)",
            "paper \(config.paper.rawValue)",
            "lower_is_better \(config.lowerIsBetter.sorted().joined(separator: ","))",
            "metrics \(config.records.metrics)",
        ]
        for key in config.fallbacks.keys.sorted() { lines.append("fallback \(key)=\(config.fallbacks[key]!)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
