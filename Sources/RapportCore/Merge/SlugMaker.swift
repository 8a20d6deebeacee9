import Crypto
import Foundation

/// Makes the folder name for each customer from their stable id.
///
/// Slugs are ASCII (`a-z`, `0-9`, `-`, `_`), so they are safe on every file
/// system and in URLs. Two ids that would share a slug (case, accents,
/// Unicode normalisation, punctuation) are an error naming both records,
/// never a silent overwrite.
public struct SlugMaker: Sendable {
    public var privateURLSecret: String?

    public init(privateURLSecret: String? = nil) {
        self.privateURLSecret = privateURLSecret
    }

    /// Names the slug reserved by file systems or by rapport's own layout.
    static let reserved: Set<String> = {
        var names: Set<String> = ["con", "prn", "aux", "nul", "assets", "index", "page"]
        for number in 1...9 {
            names.insert("com\(number)")
            names.insert("lpt\(number)")
        }
        return names
    }()

    /// The base slug for one id, or nil when nothing usable is left.
    public static func baseSlug(for id: String) -> String? {
        // An ASCII id folds to its lower case (no compatibility, accent or
        // width mapping touches ASCII; SlugMakerTests checks every
        // character): Foundation's folding for every customer's id was 2% of
        // loading a large site.
        let folded =
            id.utf8.allSatisfy { $0 < 0x80 }
            ? id.lowercased()
            : id.precomposedStringWithCompatibilityMapping
                .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
                .lowercased()
        var slug = ""
        var lastWasDash = false
        for scalar in folded.unicodeScalars {
            let isAllowed = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "_"
            if isAllowed {
                slug.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                slug.append("-")
                lastWasDash = true
            }
        }
        // The slug is ASCII by now: "-" and "_" come off both ends byte by byte.
        let bytes = Array(slug.utf8)
        func isEdge(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") }
        var start = 0
        var end = bytes.count
        while start < end, isEdge(bytes[start]) { start += 1 }
        while end > start, isEdge(bytes[end - 1]) { end -= 1 }
        return start == end ? nil : String(decoding: bytes[start..<min(end, start + 80)], as: UTF8.self)
    }

    /// Slugs for every record, in order; collisions and unusable ids are errors.
    public func slugs(for records: [CustomerRecord]) -> ([String?], [Diagnostic]) {
        var result: [String?] = []
        var problems: [Diagnostic] = []
        var owners: [String: CustomerRecord] = [:]
        for record in records {
            guard let base = Self.baseSlug(for: record.id) else {
                problems.append(
                    .error(
                        "id \"\(record.id)\" has no letters or digits to make a folder name from",
                        at: record.fieldLocation("id") ?? record.location, customer: record.id))
                result.append(nil)
                continue
            }
            if Self.reserved.contains(base) {
                problems.append(
                    .error(
                        "id \"\(record.id)\" makes the reserved folder name \"\(base)\"; choose another id",
                        at: record.fieldLocation("id") ?? record.location, customer: record.id))
                result.append(nil)
                continue
            }
            if let owner = owners[base] {
                let line = owner.location.line.map { " on line \($0)" } ?? ""
                problems.append(
                    .error(
                        "id \"\(record.id)\" makes the same folder name \"\(base)\" as id \"\(owner.id)\"\(line); ids must differ by more than case, accents or punctuation",
                        at: record.fieldLocation("id") ?? record.location, customer: record.id))
                result.append(nil)
                continue
            }
            owners[base] = record
            result.append(privateURLSecret.map { "\(base)-\(Self.token(for: record.id, secret: $0))" } ?? base)
        }
        return (result, problems)
    }

    /// An unguessable, stable token: HMAC-SHA256 of the id under the site's secret.
    static func token(for id: String, secret: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: key)
        return Hex.encode(mac.prefix(10))
    }
}
