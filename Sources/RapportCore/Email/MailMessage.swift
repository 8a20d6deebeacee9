import Foundation

/// A newsletter email with a plain-text and an HTML alternative, rendered
/// as an RFC 5322 / MIME message ready for SMTP.
///
/// Written by hand because no Swift MIME library is available to rapport
/// (none in the dependency set, and Foundation has no message writer). The
/// scope is deliberately narrow: one multipart/alternative with two UTF-8
/// quoted-printable parts, which is all a newsletter needs.
///
/// Every rendered line ends in CRLF and is at most 998 octets, and all
/// header text is ASCII (non-ASCII goes through RFC 2047 encoded words).
/// There is no Bcc field: blind recipients belong in the SMTP envelope
/// only, and writing them into the message would reveal them.
struct MailMessage: Sendable {
    var from: MailAddress
    var to: [MailAddress]
    var replyTo: MailAddress?
    var subject: String
    var date: Date
    /// With or without the surrounding angle brackets; they are added.
    var messageID: String
    /// `https:` and `mailto:` URIs for RFC 2369 List-Unsubscribe. Entries
    /// that ``isUsableUnsubscribeTarget(_:)`` rejects are left out.
    var listUnsubscribe: [String]
    /// Adds RFC 8058 `List-Unsubscribe-Post`, but only when an https entry
    /// exists, since one-click unsubscribe is defined for https alone.
    var oneClickUnsubscribe: Bool
    var textBody: String
    /// The HTML part as UTF-8: the email layout renders bytes, and making
    /// a string of them only to encode its UTF-8 again was checked and
    /// copied for nothing.
    var htmlUTF8: [UInt8]
    var htmlBody: String {
        get { String(decoding: htmlUTF8, as: UTF8.self) }
        set { htmlUTF8 = Array(newValue.utf8) }
    }

    init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: MailAddress? = nil,
        subject: String,
        date: Date,
        messageID: String,
        listUnsubscribe: [String] = [],
        oneClickUnsubscribe: Bool = false,
        textBody: String,
        htmlBody: String
    ) {
        self.init(
            from: from, to: to, replyTo: replyTo, subject: subject, date: date, messageID: messageID, listUnsubscribe: listUnsubscribe,
            oneClickUnsubscribe: oneClickUnsubscribe, textBody: textBody, htmlUTF8: Array(htmlBody.utf8))
    }

    init(
        from: MailAddress, to: [MailAddress], replyTo: MailAddress?, subject: String, date: Date, messageID: String,
        listUnsubscribe: [String], oneClickUnsubscribe: Bool, textBody: String, htmlUTF8: [UInt8]
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.listUnsubscribe = listUnsubscribe
        self.oneClickUnsubscribe = oneClickUnsubscribe
        self.textBody = textBody
        self.htmlUTF8 = htmlUTF8
    }

    /// The complete message as bytes.
    ///
    /// - Parameter boundarySeed: any stable string (e.g. the Message-ID); the
    ///   MIME boundary is derived from it so the same message always renders
    ///   to the same bytes.
    func rendered(boundarySeed: String) -> Data {
        let boundary = Self.boundary(seed: boundarySeed)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2048 + (textBody.utf8.count + htmlUTF8.count) * 11 / 10)
        for field in headerFields(boundary: boundary) { field.append(to: &bytes) }
        bytes += "\r\n".utf8
        appendPartHeader(contentType: "text/plain; charset=utf-8", boundary: boundary, to: &bytes)
        QuotedPrintable.append(textBody, to: &bytes)
        bytes += "\r\n".utf8
        appendPartHeader(contentType: "text/html; charset=utf-8", boundary: boundary, to: &bytes)
        QuotedPrintable.append(htmlUTF8, to: &bytes)
        bytes += "\r\n".utf8
        bytes += "--\(boundary)--\r\n".utf8
        return Data(bytes)
    }

    /// A Message-ID that is the same every time one edition is sent to one
    /// customer, so a resend after a crash is recognisable as a duplicate.
    /// Fields are joined with U+001F so ("ab", "c") and ("a", "bc") differ.
    static func messageID(site: String, edition: String, customerID: String, domain: String) -> String {
        let editionKey = [site, edition].joined(separator: "\u{1F}")
        let recipientKey = [site, edition, customerID].joined(separator: "\u{1F}")
        let safeDomain = String(domain.unicodeScalars.filter(isDomainCharacter).map(Character.init))
        return "<\(String(InputHasher.hash(editionKey).prefix(16))).\(String(InputHasher.hash(recipientKey).prefix(16)))@\(safeDomain.isEmpty ? "invalid" : safeDomain)>"
    }

    /// Whether `target` can go into List-Unsubscribe unchanged: an https,
    /// http or mailto URI in printable ASCII without spaces or angle
    /// brackets, which would break the `<uri>, <uri>` syntax. Exposed so
    /// configuration checks can report a bad entry instead of it vanishing.
    static func isUsableUnsubscribeTarget(_ target: String) -> Bool {
        let lowered = target.lowercased()
        let hasScheme = ["https://", "http://", "mailto:"].contains { lowered.hasPrefix($0) && lowered.count > $0.count }
        let isClean = target.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && $0 != "<" && $0 != ">" }
        return hasScheme && isClean
    }

    // MARK: - Headers

    private func headerFields(boundary: String) -> [MailHeaderField] {
        var fields = [
            MailHeaderField(name: "Date", value: Self.rfc5322Date(date)),
            MailHeaderField(name: "From", value: from.headerValue),
        ]
        if !to.isEmpty {
            fields.append(MailHeaderField(name: "To", value: to.map(\.headerValue).joined(separator: ", ")))
        }
        if let replyTo {
            fields.append(MailHeaderField(name: "Reply-To", value: replyTo.headerValue))
        }
        let subjectText = MailHeaderField.singleLine(subject)
        fields.append(MailHeaderField(
            name: "Subject",
            value: EncodedWord.encode(subjectText, reservingOnFirstLine: "Subject: ".utf8.count)))
        fields.append(MailHeaderField(name: "Message-ID", value: Self.bracketedMessageID(messageID)))
        fields.append(MailHeaderField(name: "MIME-Version", value: "1.0"))
        fields += unsubscribeFields()
        fields.append(MailHeaderField(name: "Content-Type", value: "multipart/alternative; boundary=\"\(boundary)\""))
        return fields
    }

    private func unsubscribeFields() -> [MailHeaderField] {
        let targets = listUnsubscribe.filter(Self.isUsableUnsubscribeTarget)
        guard !targets.isEmpty else { return [] }
        var fields = [MailHeaderField(
            name: "List-Unsubscribe",
            value: targets.map { "<\($0)>" }.joined(separator: ", "))]
        if oneClickUnsubscribe && targets.contains(where: { $0.lowercased().hasPrefix("https://") }) {
            fields.append(MailHeaderField(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"))
        }
        return fields
    }

    /// RFC 5322 §3.3 date in UTC, e.g. "Thu, 26 Nov 2026 09:00:00 +0000".
    /// Day and month names are English whatever the user's locale. Written
    /// from the civil date, not with DateFormatter: making one per message
    /// was an eighth of the outbox's CPU, and one shared is not Sendable.
    static func rfc5322Date(_ date: Date) -> String {
        let time = UTCTime(date)
        let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = days[((time.dayNumber % 7) + 7) % 7]
        return "\(weekday), \(time.two(time.day)) \(months[time.month - 1]) \(time.year) \(time.two(time.hour)):\(time.two(time.minute)):\(time.two(time.second)) +0000"
    }

    /// Keeps only characters legal in a msg-id and adds the angle brackets,
    /// so a caller's stray whitespace or brackets cannot break the field.
    private static func bracketedMessageID(_ id: String) -> String {
        let core = id.unicodeScalars.filter { (0x21...0x7E).contains($0.value) && $0 != "<" && $0 != ">" }
        return "<\(String(String.UnicodeScalarView(core)))>"
    }

    private static func isDomainCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E: return true
        default: return false
        }
    }

    // MARK: - Body

    /// "=_" cannot appear in quoted-printable output: "=" only ever starts a
    /// soft break or an "=XX" hex pair, and "_" is not a hex digit. So a
    /// boundary starting with "=_" can never collide with body text, and no
    /// scan of the bodies is needed. Quoted in Content-Type because "=" is
    /// a MIME tspecial.
    static func boundary(seed: String) -> String {
        "=_rapport_" + String(InputHasher.hash(seed).prefix(24))
    }

    /// A body part's delimiter and headers; the body follows, quoted-printable,
    /// then a CRLF. That CRLF belongs to the next delimiter (RFC 2046
    /// §5.1.1), so a body's own final newline survives.
    private func appendPartHeader(contentType: String, boundary: String, to bytes: inout [UInt8]) {
        bytes += "--\(boundary)\r\n".utf8
        MailHeaderField(name: "Content-Type", value: contentType).append(to: &bytes)
        MailHeaderField(name: "Content-Transfer-Encoding", value: "quoted-printable").append(to: &bytes)
        bytes += "\r\n".utf8
    }
}
