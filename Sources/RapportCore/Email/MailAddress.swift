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
        self.name = name.flatMap(Self.cleanedName)
    }

    /// The part after "@", e.g. for deriving Message-ID domains.
    var domain: String {
        address.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    /// `Name <address>` with the name made header-safe by
    /// ``EncodedWord/phrase(_:)``, or the bare address when there is no name.
    var headerValue: String {
        guard let name else { return address }
        return "\(EncodedWord.phrase(name)) <\(address)>"
    }

    private static func cleanedName(_ raw: String) -> String? {
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

    private static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= maximumAddressLength,
              address.unicodeScalars.allSatisfy(\.isASCII)
        else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return isValidLocalPart(parts[0]) && isValidDomain(parts[1])
    }

    /// A dot-atom: atext runs separated by single dots (RFC 5322 §3.2.3).
    /// atext excludes whitespace, control characters, "<", ">", ",", ";",
    /// quotes and the other specials by construction.
    private static func isValidLocalPart(_ local: Substring) -> Bool {
        guard !local.isEmpty, local.utf8.count <= maximumLocalPartLength else { return false }
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.unicodeScalars.allSatisfy(isAtext)
        }
    }

    private static let atextSymbols: Set<Unicode.Scalar> = [
        "!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~",
    ]

    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || atextSymbols.contains(scalar)
    }

    /// One or more DNS labels separated by dots; a single label (such as
    /// "localhost") is accepted because test relays use them.
    private static func isValidDomain(_ domain: Substring) -> Bool {
        guard !domain.isEmpty, domain.utf8.count <= 253 else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy(isValidLabel)
    }

    /// RFC 1035 label: 1–63 letters, digits or hyphens, no hyphen at either end.
    private static func isValidLabel(_ label: Substring) -> Bool {
        guard (1...63).contains(label.utf8.count),
              label.first != "-", label.last != "-"
        else { return false }
        return label.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "-" }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }
}
