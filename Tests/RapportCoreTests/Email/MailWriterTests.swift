import Foundation
import TestSupport
import Testing

@testable import RapportCore

// The MIME writer (Sources/RapportCore/Email), checked two ways: exact
// outputs and structural rules here, then Python's strict email parser
// (email.policy.strict) over three rendered messages with non-ASCII names,
// commas, emoji subjects and long lines: Fixtures/email/check_eml.py.

private func check(_ condition: Bool, _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(condition, Comment(rawValue: label), sourceLocation: sourceLocation)
}

private func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(actual == expected, Comment(rawValue: label), sourceLocation: sourceLocation)
}

/// Minimal quoted-printable decoder, independent of the encoder under test.
private func decodeQP(_ encoded: String) -> [UInt8] {
    var out: [UInt8] = []
    let lines = encoded.components(separatedBy: "\r\n")
    for (index, line) in lines.enumerated() {
        var bytes = Array(line.utf8)
        let soft = bytes.last == UInt8(ascii: "=")
        if soft { bytes.removeLast() }
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "="), i + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        if !soft && index < lines.count - 1 { out += [0x0A] }
    }
    return out
}

/// Every "=" that is not a final soft break is followed by two hex digits on the same line.
private func hasOnlyWholeEscapes(_ line: String) -> Bool {
    var bytes = Array(line.utf8)
    if bytes.last == UInt8(ascii: "=") { bytes.removeLast() }
    let hex = Set("0123456789ABCDEF".utf8)
    var i = 0
    while i < bytes.count {
        if bytes[i] == UInt8(ascii: "=") {
            guard i + 2 < bytes.count else { return false }
            guard hex.contains(bytes[i + 1]), hex.contains(bytes[i + 2]) else { return false }
            i += 3
        } else {
            i += 1
        }
    }
    return true
}

/// Checks the structural QP guarantees of one encoding of `input`.
private func checkQPStructure(_ input: String, _ label: String) {
    let encoded = QuotedPrintable.encode(input)
    let lines = encoded.components(separatedBy: "\r\n")
    check(lines.allSatisfy { $0.utf8.count <= 76 }, "\(label): no encoded line over 76")
    check(lines.allSatisfy(hasOnlyWholeEscapes), "\(label): no =XX split")
    check(!encoded.utf8.contains(where: { $0 >= 0x80 }), "\(label): output is 7-bit")
    // Each physical line must decode to valid UTF-8 on its own: no scalar split across a soft break.
    for physical in lines {
        let bytes = decodeQP(physical.hasSuffix("=") ? physical : physical + "=")
        check(String(validating: bytes, as: UTF8.self) != nil, "\(label): line decodes alone: \(physical)")
    }
    let normalized = input.replacingOccurrences(of: "\r\n", with: "\n")
    expectEqual(String(decoding: decodeQP(encoded), as: UTF8.self), normalized, "\(label): round trip")
}

private func decodeEncodedWord(_ word: String) -> String? {
    guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return nil }
    let payload = word.dropFirst(10).dropLast(2)
    guard let data = Data(base64Encoded: String(payload)) else { return nil }
    return String(validating: [UInt8](data), as: UTF8.self)
}

@Suite struct MailWriterTests {
    @Test func messagesAreStandardsCorrectAndPythonsStrictParserAgrees() throws {
        // MARK: - QuotedPrintable

        expectEqual(QuotedPrintable.encode("héllo wörld"), "h=C3=A9llo w=C3=B6rld", "QP accents")
        expectEqual(QuotedPrintable.encode("a=b"), "a=3Db", "QP equals sign")
        expectEqual(QuotedPrintable.encode("trailing  \nnext\t\nend"), "trailing =20\r\nnext=09\r\nend", "QP trailing whitespace")
        expectEqual(QuotedPrintable.encode("trailing \r\nx"), "trailing=20\r\nx", "QP trailing space before CRLF")
        expectEqual(QuotedPrintable.encode("end "), "end=20", "QP trailing space at end of text")
        expectEqual(QuotedPrintable.encode("👋🏽"), "=F0=9F=91=8B=F0=9F=8F=BD", "QP emoji with skin tone")
        expectEqual(QuotedPrintable.encode("a\nb"), QuotedPrintable.encode("a\r\nb"), "QP LF and CRLF encode alike")
        expectEqual(QuotedPrintable.encode("a\nb\n"), "a\r\nb\r\n", "QP keeps final newline")
        expectEqual(QuotedPrintable.encode(""), "", "QP empty")
        expectEqual(QuotedPrintable.encode("a\rb"), "a=0Db", "QP lone CR is data")
        expectEqual(QuotedPrintable.encode("bell\u{07}"), "bell=07", "QP control char")
        expectEqual(QuotedPrintable.encode("From here\nFrom there"), "=46rom here\r\n=46rom there", "QP From at line start")
        expectEqual(QuotedPrintable.encode("Fromage\nsaid From x"), "Fromage\r\nsaid From x", "QP From only at line start")
        expectEqual(QuotedPrintable.encode(".\n..x"), ".\r\n..x", "QP leading dots stay")
        expectEqual(QuotedPrintable.encode(String(repeating: "a", count: 76)), String(repeating: "a", count: 76), "QP exactly 76 fits")
        expectEqual(
            QuotedPrintable.encode(String(repeating: "a", count: 77)),
            String(repeating: "a", count: 75) + "=\r\naa", "QP 77 gets soft break")
        expectEqual(QuotedPrintable.encode("x y"), QuotedPrintable.encode("x y"), "QP deterministic")

        let longAccents = String(repeating: "é", count: 200)
        let longAccentsEncoded = QuotedPrintable.encode(longAccents)
        expectEqual(
            longAccentsEncoded.components(separatedBy: "\r\n").first ?? "",
            String(repeating: "=C3=A9", count: 12) + "=", "QP é line holds 12 whole scalars")
        checkQPStructure(longAccents, "QP 200 é")
        checkQPStructure(String(repeating: "a", count: 74) + "éé€😀 ", "QP scalars near the limit")
        checkQPStructure(String(repeating: "🎉", count: 60) + "\nline two\r\n  \n", "QP emoji line")
        checkQPStructure(String(repeating: "x=", count: 300), "QP many equals")
        // Scalars placed at every offset around the break point.
        for offset in 60...80 {
            checkQPStructure(String(repeating: "b", count: offset) + "ü😀€" + String(repeating: " ", count: 3), "QP offset \(offset)")
        }

        // MARK: - EncodedWord

        expectEqual(EncodedWord.encode("Weekly report"), "Weekly report", "EW ASCII unchanged")
        expectEqual(EncodedWord.encode("Jürgen"), "=?UTF-8?B?SsO8cmdlbg==?=", "EW short word")
        check(EncodedWord.encode("a =?x?= b").hasPrefix("=?UTF-8?B?"), "EW encodes text that looks like an encoded word")
        check(EncodedWord.encode(String(repeating: "x", count: 100)).hasPrefix("=?UTF-8?B?"), "EW encodes an unfoldable run")
        expectEqual(EncodedWord.encode(""), "", "EW empty")

        let longSubject = "Ihr Monatsbericht für November 📈 — Grüße aus München, Zürich und Kraków 🎉👩‍👩‍👧‍👦 Ende"
        for reserve in [0, 9] {
            let encoded = EncodedWord.encode(longSubject, reservingOnFirstLine: reserve)
            let words = encoded.components(separatedBy: EncodedWord.separator)
            check(words.count > 1, "EW long subject uses several words")
            check(words.allSatisfy { $0.utf8.count <= 75 }, "EW each word at most 75")
            check((words.first?.utf8.count ?? 0) + reserve <= 75, "EW first word leaves the reserved room")
            let decoded = words.map(decodeEncodedWord)
            check(decoded.allSatisfy { $0 != nil }, "EW every word is valid UTF-8 alone")
            let pieces = decoded.compactMap { $0 }
            expectEqual(pieces.joined(), longSubject, "EW decodes back (reserve \(reserve))")
            expectEqual(pieces.map(\.count).reduce(0, +), longSubject.count, "EW split only at Character boundaries")
        }
        // A single grapheme longer than one word must still be split (at scalars) and stay within 75.
        let hugeGrapheme = "e" + String(repeating: "\u{301}", count: 40)
        let hugeWords = EncodedWord.encode(hugeGrapheme).components(separatedBy: EncodedWord.separator)
        check(hugeWords.allSatisfy { $0.utf8.count <= 75 }, "EW oversized grapheme words at most 75")
        expectEqual(hugeWords.compactMap(decodeEncodedWord).joined(), hugeGrapheme, "EW oversized grapheme decodes back")

        expectEqual(EncodedWord.phrase("Novak, Jana"), "\"Novak, Jana\"", "phrase comma quoted")
        expectEqual(EncodedWord.phrase("Jana Novak"), "Jana Novak", "phrase plain atoms")
        expectEqual(EncodedWord.phrase("J. Novak"), "\"J. Novak\"", "phrase dot quoted")
        expectEqual(EncodedWord.phrase("Say \"hi\" \\ ok"), "\"Say \\\"hi\\\" \\\\ ok\"", "phrase escapes quote and backslash")
        expectEqual(EncodedWord.phrase("Jürgen Müller"), "=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?=", "phrase non-ASCII encoded")

        // MARK: - MailAddress

        check(MailAddress(address: "a@b\r\nBcc: x@y") == nil, "address rejects header injection")
        check(MailAddress(address: "no-at") == nil, "address rejects missing @")
        check(MailAddress(address: "a b@c.d") == nil, "address rejects space")
        check(MailAddress(address: "a@b@c.d") == nil, "address rejects two @")
        check(MailAddress(address: "@c.d") == nil, "address rejects empty local part")
        check(MailAddress(address: "a@") == nil, "address rejects empty domain")
        check(MailAddress(address: "a..b@c.d") == nil, "address rejects double dot")
        check(MailAddress(address: "<a@c.d>") == nil, "address rejects brackets")
        check(MailAddress(address: "a,b@c.d") == nil, "address rejects comma")
        check(MailAddress(address: "a;b@c.d") == nil, "address rejects semicolon")
        check(MailAddress(address: "jü@c.d") == nil, "address rejects non-ASCII")
        check(MailAddress(address: "a@-c.d") == nil, "address rejects bad label")
        check(MailAddress(address: "a@c..d") == nil, "address rejects empty label")
        check(MailAddress(address: "a@c.d\n") == nil, "address rejects trailing LF")
        check(MailAddress(address: "jana@acme.example") != nil, "address accepts plain")
        check(MailAddress(address: "o'brien+news@mail.acme.example") != nil, "address accepts atext symbols")
        check(MailAddress(address: "root@localhost") != nil, "address accepts single valid label")
        expectEqual(MailAddress(address: "jana@acme.example")?.domain, "acme.example", "address domain")
        expectEqual(MailAddress(address: "jana@acme.example")?.headerValue, "jana@acme.example", "bare address header")
        expectEqual(
            MailAddress(name: "Novak, Jana", address: "jana@acme.example")?.headerValue,
            "\"Novak, Jana\" <jana@acme.example>", "named address header")
        let injected = MailAddress(name: "Evil\r\nBcc: victim@x.example", address: "evil@x.example")
        expectEqual(injected?.name, "Evil  Bcc: victim@x.example", "name CRLF becomes spaces")
        check(!(injected?.headerValue.contains("\r") ?? true) && !(injected?.headerValue.contains("\n") ?? true), "name header is one line")
        expectEqual(MailAddress(name: "  ", address: "a@b.c")?.name, Optional<String?>.some(nil), "blank name is nil")
        expectEqual(MailAddress(name: " Jana Novak ", address: "a@b.c")?.name, "Jana Novak", "name trimmed")
        expectEqual(MailAddress(name: "\tJana\u{A0}", address: "a@b.c")?.name, "Jana", "name trimmed of tabs and Unicode spaces")
        expectEqual(MailAddress(name: "Jana\r\n", address: "a@b.c")?.name, "Jana", "name trailing CRLF dropped")
        expectEqual(MailAddress(name: "Inès Müller", address: "a@b.c")?.name, "Inès Müller", "non-ASCII name kept")
        check(MailAddress(address: ".a@c.d") == nil && MailAddress(address: "a.@c.d") == nil, "address rejects dot at either end")
        check(MailAddress(address: "a@c.d-") == nil && MailAddress(address: "a@c.") == nil, "address rejects bad last label")
        check(MailAddress(address: String(repeating: "a", count: 65) + "@c.d") == nil, "address rejects local part over 64")
        check(MailAddress(address: String(repeating: "a", count: 64) + "@c.d") != nil, "address accepts local part of 64")
        check(MailAddress(address: "a@" + String(repeating: "b", count: 64) + ".d") == nil, "address rejects label over 63")

        // MARK: - MailHeaderField

        expectEqual(MailHeaderField(name: "Subject", value: "Hi").rendered, "Subject: Hi\r\n", "header simple")
        expectEqual(MailHeaderField(name: "X-Test", value: "a\r\nb\nc\rd").value, "a b c d", "header CR/LF become spaces")
        expectEqual(MailHeaderField(name: "X-Test", value: "a\r\n b").value, "a b", "header unfolds existing folds")
        let longASCII = (1...40).map { "word\($0)" }.joined(separator: " ")
        let foldedASCII = MailHeaderField(name: "Subject", value: longASCII).rendered
        let foldedLines = foldedASCII.components(separatedBy: "\r\n").dropLast()
        check(foldedLines.count > 1, "header long value folds")
        check(foldedLines.allSatisfy { $0.utf8.count <= 78 }, "header folded lines at most 78")
        expectEqual(foldedASCII.replacingOccurrences(of: "\r\n ", with: " "), "Subject: \(longASCII)\r\n", "header unfolds to the value")
        let unbreakable = MailHeaderField(name: "X-Long", value: String(repeating: "z", count: 2500)).rendered
        check(unbreakable.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 }, "header hard limit 998")

        // MARK: - MailMessage

        var components = DateComponents()
        components.year = 2026; components.month = 11; components.day = 26; components.hour = 9
        var utcCalendar = Calendar(identifier: .gregorian)
        utcCalendar.timeZone = TimeZone(secondsFromGMT: 0) ?? utcCalendar.timeZone
        let sampleDate = utcCalendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        expectEqual(MailMessage.rfc5322Date(sampleDate), "Thu, 26 Nov 2026 09:00:00 +0000", "RFC 5322 date")

        let idA = MailMessage.messageID(site: "acme", edition: "2026-11", customerID: "C-1", domain: "news.acme.example")
        expectEqual(idA, MailMessage.messageID(site: "acme", edition: "2026-11", customerID: "C-1", domain: "news.acme.example"), "Message-ID deterministic")
        check(idA != MailMessage.messageID(site: "acme", edition: "2026-11", customerID: "C-2", domain: "news.acme.example"), "Message-ID differs per customer")
        check(idA.hasPrefix("<") && idA.hasSuffix("@news.acme.example>") && idA.utf8.count == 1 + 16 + 1 + 16 + 1 + 17 + 1, "Message-ID shape")
        check(MailMessage.boundary(seed: "x").hasPrefix("=_rapport_"), "boundary prefix")
        check(MailMessage.isUsableUnsubscribeTarget("https://acme.example/u?t=1"), "unsubscribe https ok")
        check(!MailMessage.isUsableUnsubscribeTarget("https://acme.example/u>\r\nBcc: x"), "unsubscribe rejects injection")
        check(!MailMessage.isUsableUnsubscribeTarget("javascript:alert(1)"), "unsubscribe rejects other schemes")

        struct SampleExpectation: Codable {
            var file: String
            var subject: String
            var fromName: String?
            var fromAddress: String
            var toNames: [String?]
            var toAddresses: [String]
            var text: String
            var html: String
            var expectOneClick: Bool
            var expectListUnsubscribe: Bool
        }

        func address(_ name: String?, _ address: String) -> MailAddress {
            MailAddress(name: name, address: address)!
        }

        let umlautText = """
        Liebe Jana,

        Ihr Bericht für November ist fertig. Größe: 12 % über Plan — schön!
        Straße, Öl, Ärger, Übermut, ß.
        From the team: =, ==, =?UTF-8?B?x?= bleibt Text.
        trailing spaces here   
        \(String(repeating: "Lorem ipsum dolor sit ämet, ", count: 72).prefix(2000))
        .
        Grüße
        """
        let sample1 = MailMessage(
            from: address("Jürgen Müller", "juergen@rapport.example"),
            to: [address("Novak, Jana", "jana@acme.example"), address("Ana 🌻 Silva", "ana@acme.example")],
            replyTo: address("Rapport Support", "support@rapport.example"),
            subject: "Ihr Monatsbericht für November 📈 — Grüße aus München, Zürich und Kraków 🎉 (Ausgabe 11/2026)",
            date: sampleDate,
            messageID: MailMessage.messageID(site: "acme", edition: "2026-11", customerID: "C-1", domain: "rapport.example"),
            listUnsubscribe: ["https://rapport.example/unsubscribe?c=C-1&e=2026-11", "mailto:unsubscribe@rapport.example?subject=unsubscribe%20C-1"],
            oneClickUnsubscribe: true,
            textBody: umlautText,
            htmlBody: "<!doctype html>\n<html><body>\n<p style=\"color:#333\">Liebe Jana, Größe &amp; Übermut 📈</p>\n<p>\(String(repeating: "é", count: 700))</p>\n</body></html>\n")
        let sample2 = MailMessage(
            from: address("Rapport", "news@rapport.example"),
            to: [address("O'Brien \"Pat\" \\ Jr.", "pat@acme.example"), address(nil, "plain@acme.example")],
            subject: (1...20).map { "Quarterly numbers part \($0)" }.joined(separator: " "),
            date: sampleDate.addingTimeInterval(86_400 * 40 + 3_661),
            messageID: "abc.def@rapport.example",
            listUnsubscribe: ["mailto:unsubscribe@rapport.example"],
            oneClickUnsubscribe: true,
            textBody: "From the desk\r\nline with = sign\r\n\r\n\ttabbed\r\n",
            htmlBody: "<p>From here</p>")
        let sample3 = MailMessage(
            from: address("週報チーム 🎉", "weekly@rapport.example"),
            to: [address("Zoë Ångström-Ørsted", "zoe@acme.example")],
            subject: "週報 🎉🎉 Zusammenfassung: Übersicht der Kennzahlen für Q4 👩‍👩‍👧‍👦🇩🇪",
            date: sampleDate,
            messageID: "<x3@rapport.example>",
            textBody: "No trailing newline: ünïcödé",
            htmlBody: "")

        let samples: [(String, MailMessage)] = [("umlauts", sample1), ("ascii-folding", sample2), ("cjk-emoji", sample3)]
        let sampleDirectory = TemporaryFolders.unusedPath("rapport-mime")
        try? FileManager.default.removeItem(at: sampleDirectory)
        do {
            try FileManager.default.createDirectory(at: sampleDirectory, withIntermediateDirectories: true)
        } catch {
            Issue.record("cannot create \(sampleDirectory.path): \(error)")
        }
        var expectations: [SampleExpectation] = []
        for (name, message) in samples {
            let data = message.rendered(boundarySeed: message.messageID)
            expectEqual(data, message.rendered(boundarySeed: message.messageID), "\(name): rendering deterministic")
            let bytes = [UInt8](data)
            check(bytes.allSatisfy { $0 < 0x80 }, "\(name): message is 7-bit")
            var lineLengths: [Int] = []
            var current = 0
            var bareBreak = false
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0A {
                    if index == 0 || bytes[index - 1] != 0x0D { bareBreak = true }
                    lineLengths.append(current - 1)
                    current = 0
                } else {
                    if byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A) { bareBreak = true }
                    current += 1
                }
            }
            check(!bareBreak, "\(name): CRLF only")
            check(current == 0, "\(name): ends with CRLF")
            check(lineLengths.allSatisfy { $0 <= 998 }, "\(name): every line at most 998 octets")
            let text = String(decoding: data, as: UTF8.self)
            let headerBlock = text.components(separatedBy: "\r\n\r\n").first ?? ""
            check(!headerBlock.lowercased().contains("\r\nbcc:"), "\(name): no Bcc header")
            check(headerBlock.hasPrefix("Date: "), "\(name): Date first")
            check(headerBlock.contains("\r\nMIME-Version: 1.0\r\n"), "\(name): MIME-Version")
            check(
                headerBlock.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 },
                "\(name): header lines at most 78")
            let file = "\(name).eml"
            do {
                try data.write(to: sampleDirectory.appendingPathComponent(file))
            } catch {
                Issue.record("cannot write \(file): \(error)")
            }
            expectations.append(SampleExpectation(
                file: file,
                subject: message.subject,
                fromName: message.from.name,
                fromAddress: message.from.address,
                toNames: message.to.map(\.name),
                toAddresses: message.to.map(\.address),
                text: message.textBody,
                html: message.htmlBody,
                expectOneClick: message.oneClickUnsubscribe && message.listUnsubscribe.contains { $0.hasPrefix("https://") },
                expectListUnsubscribe: !message.listUnsubscribe.isEmpty))
        }
        let sample1Headers = String(decoding: sample1.rendered(boundarySeed: "s"), as: UTF8.self)
        check(sample1Headers.contains("\r\nDate: Thu, 26 Nov 2026 09:00:00 +0000\r\n") || sample1Headers.hasPrefix("Date: Thu, 26 Nov 2026 09:00:00 +0000\r\n"), "sample date header")
        check(sample1Headers.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), "one-click with https")
        check(sample1Headers.contains("\"Novak, Jana\" <jana@acme.example>"), "quoted display name in To")
        check(sample1Headers.contains("boundary=\"=_rapport_"), "boundary quoted")
        let sample2Headers = String(decoding: sample2.rendered(boundarySeed: "s"), as: UTF8.self)
        check(!sample2Headers.contains("List-Unsubscribe-Post"), "no one-click without https")
        check(sample2Headers.contains("\r\nMessage-ID: <abc.def@rapport.example>\r\n"), "Message-ID bracketed")

        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(expectations).write(to: sampleDirectory.appendingPathComponent("expected.json"))
        } catch {
            Issue.record("cannot write expected.json: \(error)")
        }


        let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/email/check_eml.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", checker.path, sampleDirectory.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "Python's strict email parser rejected a message:\n\(said)")
        try? FileManager.default.removeItem(at: sampleDirectory)
    }
}
