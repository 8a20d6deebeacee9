import Foundation

/// A validated mailbox: an optional display name and an ASCII address.
///
/// Validation happens once, at construction, so every `MailAddress` can be
/// written into a header as is: the address cannot carry CR, LF, spaces,
/// angle brackets or list separators, which is what makes header injection
/// ("a@b\r\nBcc: x@y") impossible rather than merely checked for.
struct MailAddress: Sendable, Hashable {
    /// The display name with CR and LF replaced by spaces and surrounding
    /// whitespace trimmed; `nil` when there is none.
    let name: String?
    let address: String

    /// Fails when `address` is not a plain `local@domain` mailbox.
    ///
    /// Deliberately stricter than RFC 5321: no quoted local parts, no IP
    /// literals, no internationalised addresses. Those are legal but rare
    /// in newsletter lists and each needs extra handling (SMTPUTF8, quoting)
    /// that the writer does not do.
    init?(name: String? = nil, address: String) {
        guard Self.isValid(address) else { return nil }
        self.address = address
        let name = name.flatMap(Self.cleanedName)
        self.name = name
        headerValue = name.map { "\(EncodedWord.phrase($0)) <\(address)>" } ?? address
    }

    /// The part after "@", e.g. for deriving Message-ID domains.
    var domain: String {
        address.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    /// `Name <address>` with the name made header-safe by
    /// ``EncodedWord/phrase(_:)``, or the bare address when there is no name.
    /// Made once: the sender's is written into every message of an outbox.
    let headerValue: String

    private static func cleanedName(_ raw: String) -> String? {
        // Most names are printable ASCII with nothing to trim: kept as they are.
        let utf8 = raw.utf8
        if let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20,
            utf8.allSatisfy({ (0x20...0x7E).contains($0) })
        {
            return raw
        }
        var cleaned = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            cleaned.append(scalar == "\r" || scalar == "\n" ? " " : scalar)
        }
        let trimmed = String(cleaned).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: - Validation

    /// RFC 5321 §4.5.3.1: at most 64 octets before "@", 254 in total.
    private static let maximumLocalPartLength = 64
    private static let maximumAddressLength = 254

    /// Read byte by byte: the outbox checks every recipient and sender,
    /// and splitting into substrings and scalars was 2% of its CPU.
    private static func isValid(_ address: String) -> Bool {
        var address = address
        return address.withUTF8(isValid)
    }

    private static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= maximumAddressLength, let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let local = UnsafeBufferPointer(rebasing: bytes[..<at])
        let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
        return isValidLocalPart(local) && isValidDomain(domain)
    }

    /// A dot-atom: atext runs separated by single dots (RFC 5322 §3.2.3).
    /// atext excludes whitespace, control characters, "<", ">", ",", ";",
    /// "@", quotes, non-ASCII and the other specials by construction.
    private static func isValidLocalPart(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !local.isEmpty, local.count <= maximumLocalPartLength else { return false }
        var previousWasDot = true  // so a leading dot is an empty atom
        for byte in local {
            if byte == UInt8(ascii: ".") {
                if previousWasDot { return false }
                previousWasDot = true
            } else {
                guard isAtext(byte) else { return false }
                previousWasDot = false
            }
        }
        return !previousWasDot
    }

    private static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            return true
        default:
            return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    /// One or more DNS labels separated by dots; a single label (such as
    /// "localhost") is accepted because test relays use them.
    private static func isValidDomain(_ domain: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !domain.isEmpty, domain.count <= 253 else { return false }
        var labelStart = 0
        for index in 0...domain.count where index == domain.count || domain[index] == UInt8(ascii: ".") {
            guard isValidLabel(UnsafeBufferPointer(rebasing: domain[labelStart..<index])) else { return false }
            labelStart = index + 1
        }
        return true
    }

    /// RFC 1035 label: 1–63 letters, digits or hyphens, no hyphen at either end.
    private static func isValidLabel(_ label: UnsafeBufferPointer<UInt8>) -> Bool {
        let hyphen = UInt8(ascii: "-")
        guard (1...63).contains(label.count), label.first != hyphen, label.last != hyphen else { return false }
        return label.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                hyphen:
                return true
            default:
                return false
            }
        }
    }
}
