import Foundation
import Testing

@testable import RapportCore

/// `rapport outbox` on the Outbox fixture (non-ASCII names, commas, emoji
/// subjects, long lines, three time zones): the whole Maildir against
/// golden files, then two real peers, Python's strict email parser and a
/// real SMTP server (aiosmtpd) fed by `msmtp -t`.
@Suite struct OutboxTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)

    static func options(out: URL, site: URL = Fixtures.site("Outbox")) -> OutboxOptions {
        var options = OutboxOptions(siteDirectory: site, outboxDirectory: out)
        options.today = today
        options.includeReviews = true
        options.environment = [:]
        return options
    }

    static func outbox() -> URL {
        Fixtures.temporaryDirectory("rapport-outbox").appendingPathComponent("outbox")
    }

    @Test func wholeOutboxMatchesGoldenFiles() throws {
        let out = Self.outbox()
        let report = try OutboxBuilder(options: Self.options(out: out)).build()
        #expect(report.customers == 4)
        // Four customers get November and the review; three are gold members.
        #expect(report.messages.count == 11)
        #expect(report.warnings.isEmpty)
        for folder in OutboxPaths.folders {
            var isFolder: ObjCBool = false
            #expect(
                FileManager.default.fileExists(atPath: out.appendingPathComponent(folder).path, isDirectory: &isFolder)
                    && isFolder.boolValue)
        }
        try FolderSnapshot.expectMatchesGolden(out, golden: Fixtures.golden("Outbox"))
    }

    @Test func manifestSaysWhenEachMessageMayGoInTheCustomersOwnMorning() throws {
        let out = Self.outbox()
        let report = try OutboxBuilder(options: Self.options(out: out)).build()
        let november = report.messages.filter { $0.edition == "2026-11" }
        let times = Dictionary(uniqueKeysWithValues: november.map { ($0.customerID, SendSchedule.iso8601($0.sendAfter)) })
        // 09:30 in Berlin, Los Angeles and Tokyo; OB-4 has no time zone: email.timezone (Berlin).
        #expect(
            times == [
                "OB-1": "2026-11-26T08:30:00Z", "OB-2": "2026-11-26T17:30:00Z", "OB-3": "2026-11-26T00:30:00Z",
                "OB-4": "2026-11-26T08:30:00Z",
            ])
        let review = try #require(report.messages.first { $0.customerID == "OB-1" && $0.kind == "review" })
        #expect(SendSchedule.iso8601(review.sendBefore) == "2026-12-15T10:00:00Z")
        // An edition already past goes out in the window of the day the outbox is written.
        var late = Self.options(out: Self.outbox())
        late.today = CalendarDate(year: 2026, month: 12, day: 1)
        late.editions = ["2026-11"]
        let lateReport = try OutboxBuilder(options: late).build()
        #expect(lateReport.messages.map { SendSchedule.iso8601($0.sendAfter) }.first == "2026-12-01T08:30:00Z")
    }

    /// Every message through `email.policy.strict`, its decoded HTML equal
    /// to rapport's rendering and its text part equal to the golden text.
    @Test func everyMessageParsesStrictlyWithTheExpectedParts() throws {
        let out = Self.outbox()
        _ = try OutboxBuilder(options: Self.options(out: out)).build()
        var preview = Self.options(out: out)
        preview.writeOutput = false
        preview.keepParts = true
        let rendered = try OutboxBuilder(options: preview).build()
        let parts = Fixtures.temporaryDirectory("rapport-outbox-parts")
        let goldenText = Fixtures.golden("Outbox-text")
        let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        if recording { try FileManager.default.createDirectory(at: goldenText, withIntermediateDirectories: true) }
        for message in rendered.messages {
            let stem = URL(fileURLWithPath: message.file).deletingPathExtension().lastPathComponent
            try #require(message.html).write(to: parts.appendingPathComponent("\(stem).html"), atomically: true, encoding: .utf8)
            let text = try #require(message.text)
            let golden = goldenText.appendingPathComponent("\(stem).txt")
            if recording { try text.write(to: golden, atomically: true, encoding: .utf8) }
            #expect(text == (try? String(contentsOf: golden, encoding: .utf8)), "text part of \(message.file) differs from \(golden.path)")
            try FileManager.default.copyItem(at: golden, to: parts.appendingPathComponent("\(stem).txt"))
        }
        #expect(!recording, "recorded the golden text parts; run again without RECORD_GOLDEN")
        let result = try PythonScript.run("check_outbox.py", [out.path, parts.path])
        #expect(result.status == 0, "Python's strict email parser rejected the outbox:\n\(result.output)")
        #expect(result.output.contains("all 11 messages check out"))
    }

    /// The whole outbox sent by `msmtp -t` to aiosmtpd on 127.0.0.1: every
    /// message arrives once, for exactly its recipient, byte for byte.
    @Test func aRealSMTPServerReceivesEveryMessageUnchanged() throws {
        let out = Self.outbox()
        _ = try OutboxBuilder(options: Self.options(out: out)).build()
        let result = try PythonScript.run("smtp_roundtrip.py", [out.path], python: "/usr/bin/python3")
        #expect(result.status == 0, "the SMTP round trip failed (make test installs msmtp and python3-aiosmtpd):\n\(result.output)")
        #expect(result.output.contains("all 11 messages sent with msmtp -t and received unchanged"))
    }

    @Test func sameInputsGiveSameBytes() throws {
        let first = Self.outbox()
        let second = Self.outbox()
        _ = try OutboxBuilder(options: Self.options(out: first)).build()
        var options = Self.options(out: second)
        options.jobs = 1
        _ = try OutboxBuilder(options: options).build()
        #expect(FolderSnapshot(first) == FolderSnapshot(second))
    }

    @Test func onlyAndEditionNarrowTheOutbox() throws {
        var options = Self.options(out: Self.outbox())
        options.only = ["OB-2"]
        options.editions = ["2026-12-gold"]
        let report = try OutboxBuilder(options: options).build()
        #expect(report.messages.map(\.file) == ["new/ob-2-newsletter-2026-12-gold.eml"])
        options.editions = ["2026-13"]
        #expect(throws: DiagnosticList.self) { try OutboxBuilder(options: options).build() }
        do {
            _ = try OutboxBuilder(options: options).build()
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "error: --edition \"2026-13\" is not a newsletter or review of this site (available: 2026-11, 2026-12-gold, 2026-Q4)"
                ])
        }
    }

    // MARK: - Bad input

    /// A site copy whose customers.csv row for OB-2 has `email` replaced.
    static func siteWithEmail(_ email: String, name: String? = nil) throws -> URL {
        let site = Fixtures.copyOfSite("Outbox")
        let file = site.appendingPathComponent("Content/customers.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "jane.smith@kestrel.example", with: email)
        if let name { text = text.replacingOccurrences(of: "\"Smith, Jane\"", with: name) }
        try text.write(to: file, atomically: true, encoding: .utf8)
        return site
    }

    @Test func anInvalidAddressIsAnErrorAtItsFieldAndTheOutboxStaysAsItWas() throws {
        let out = Self.outbox()
        _ = try OutboxBuilder(options: Self.options(out: out)).build()
        let before = FolderSnapshot(out)
        let site = try Self.siteWithEmail("jane@@kestrel")
        do {
            _ = try OutboxBuilder(options: Self.options(out: out, site: site)).build()
            Issue.record("an invalid address must fail the outbox")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "Content/customers.csv:3:44: error: \"jane@@kestrel\" is not a valid email address (local@domain, ASCII) (customer OB-2)"
                ])
        }
        #expect(FolderSnapshot(out) == before)
    }

    @Test func skipInvalidLeavesTheCustomerOutAndSaysSo() throws {
        let out = Self.outbox()
        var options = Self.options(out: out, site: try Self.siteWithEmail(""))
        options.skipInvalid = true
        let report = try OutboxBuilder(options: options).build()
        #expect(report.skippedCustomers == ["OB-2"])
        #expect(!report.messages.contains { $0.customerID == "OB-2" })
        #expect(report.messages.count == 8)
        #expect(
            report.warnings.map(\.description) == [
                "Content/customers.csv:3:44: warning: no email address: the outbox needs one in the email column for every customer it writes to (customer OB-2)",
                "Content/customers.csv:3:1: warning: customer left out of the outbox because of the problems above (--skip-invalid) (customer OB-2)",
            ])
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"customer_id\" : \"OB-2\",\n      \"reason\" : \"no email address"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("new").path)
        #expect(!files.contains { $0.hasPrefix("ob-2-") })
    }

    /// A name with CR/LF from the records cannot add a header, in To or in
    /// the Subject (which merges `customer.name`): each stays one field.
    @Test func aNameWithLineBreaksCannotInjectAHeader() throws {
        let site = try Self.siteWithEmail("jane.smith@kestrel.example", name: "\"Jane\r\nBcc: victim@evil.example\"")
        let records = site.appendingPathComponent("Content/customers.csv")
        let text = try String(contentsOf: records, encoding: .utf8)
            .replacingOccurrences(of: "\"Kestrel Freight, Inc.\"", with: "\"Kestrel\r\nBcc: other@evil.example\r\n\r\n<b>body</b>\"")
        try text.write(to: records, atomically: true, encoding: .utf8)
        var options = Self.options(out: Self.outbox(), site: site)
        options.only = ["OB-2"]
        options.editions = ["2026-11"]
        options.writeOutput = false
        options.keepParts = true
        let report = try OutboxBuilder(options: options).build()
        let eml = String(decoding: try #require(report.messages.first?.eml), as: UTF8.self)
        let head = String(eml[..<eml.range(of: "\r\n\r\n")!.lowerBound])
        #expect(!head.lowercased().contains("\nbcc:"))
        #expect(head.split(separator: "\r\n").allSatisfy { $0.first == " " || $0.contains(":") })
        #expect(head.contains("To: \"Jane  Bcc: victim@evil.example\" <jane.smith@kestrel.example>"))
        #expect(head.components(separatedBy: "\r\n").filter { $0.hasPrefix("Subject:") }.count == 1)
        #expect(report.messages.first?.subject.contains("\n") == false)
    }

    @Test func anHTMLPartOverTheLimitIsAWarningAndWithStrictAnError() throws {
        let site = Fixtures.copyOfSite("Outbox")
        let config = site.appendingPathComponent("rapport.yml")
        let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
            of: "max_html_bytes: 20000", with: "max_html_bytes: 5000")
        try text.write(to: config, atomically: true, encoding: .utf8)
        var options = Self.options(out: Self.outbox(), site: site)
        options.only = ["OB-4"]
        options.editions = ["2026-11"]
        let report = try OutboxBuilder(options: options).build()
        #expect(
            report.warnings.map(\.description) == [
                "Content/newsletters/2026-11.md: warning: the HTML part is 5894 bytes, over email.max_html_bytes (5000): Gmail clips messages over about 102 KB (customer OB-4)"
            ])
        options.strict = true
        #expect(throws: DiagnosticList.self) { try OutboxBuilder(options: options).build() }
    }

    @Test func theOutboxNeedsAnEmailLayoutAnAbsoluteBaseURLAndASender() throws {
        let site = Fixtures.copyOfSite("Outbox")
        try FileManager.default.removeItem(at: site.appendingPathComponent("Layouts/email.mustache"))
        try """
        title: No email settings
        base_url: /success
        email:
          unsubscribe: https://outbox.example/u/{{customer.nmae}}

        """.write(to: site.appendingPathComponent("rapport.yml"), atomically: true, encoding: .utf8)
        do {
            _ = try OutboxBuilder(options: Self.options(out: Self.outbox(), site: site)).build()
            Issue.record("the outbox must refuse this site")
        } catch {
            let described = error.diagnostics.map(\.description)
            #expect(
                described.contains(
                    "Layouts/email.mustache: error: layout \"email\" not found: add Layouts/email.mustache, the HTML of each message (rapport init writes one)"
                ))
            #expect(
                described.contains(
                    "rapport.yml: error: base_url must be the site's absolute address (https://...): links and images in an email cannot be relative"
                ))
            #expect(
                described.contains("rapport.yml: error: the outbox needs a From address: set email.from (or sender.email) in rapport.yml"))
            #expect(described.contains { $0.hasPrefix("rapport.yml:4:") && $0.contains("customer.nmae") })
        }
    }

    @Test func settingsAreChecked() throws {
        let yaml = """
            email:
              from: not-an-address
              send_window: "11:00-09:00"
              timezone: Mars/Olympus
              unsubscribe: "ftp://x.example/u"
              colour: blue

            """
        do {
            _ = try SiteConfig.parse(yaml, path: "rapport.yml")
            Issue.record("bad email settings must be errors")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "rapport.yml:2:9: error: email.from address \"not-an-address\" is not a valid email address (local@domain)",
                    "rapport.yml:3:16: error: email.send_window must be two times written HH:MM-HH:MM, the first earlier, e.g. 09:00-11:00",
                    "rapport.yml:4:13: error: email.timezone \"Mars/Olympus\" is not a time zone name such as Europe/London",
                    "rapport.yml:5:16: error: email.unsubscribe \"ftp://x.example/u\" must be an https: or mailto: URL without spaces or angle brackets",
                    "rapport.yml:6:3: warning: unknown email setting \"colour\" (ignored)",
                ])
        }
    }

    /// `rapport build` replaces Output/ but keeps the outbox written into it.
    @Test func aSiteBuildKeepsTheOutboxInsideOutput() throws {
        let site = Fixtures.copyOfSite("Outbox")
        var outbox = OutboxOptions(siteDirectory: site)
        outbox.today = Self.today
        outbox.environment = [:]
        _ = try OutboxBuilder(options: outbox).build()
        let before = FolderSnapshot(outbox.outboxDirectory)
        var build = BuildOptions(siteDirectory: site)
        build.today = Self.today
        build.environment = [:]
        _ = try SiteBuilder(options: build).build()
        #expect(FolderSnapshot(outbox.outboxDirectory) == before)
        // Seven newsletters (no --reviews here) and the manifest.
        #expect(before.files.count == 8)
    }
}

/// Runs one of the Python checkers in Fixtures/email.
enum PythonScript {
    static func run(_ name: String, _ arguments: [String], python: String = "python3") throws -> (status: Int32, output: String) {
        let script = Fixtures.root.appendingPathComponent("email").appendingPathComponent(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
