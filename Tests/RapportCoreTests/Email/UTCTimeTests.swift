import Foundation
import Testing

@testable import RapportCore

/// The arithmetic UTC dates agree with Foundation's formatters.
@Suite struct UTCTimeTests {
    @Test func agreesWithFoundationOverTwoCenturies() {
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(secondsFromGMT: 0)
        let mail = DateFormatter()
        mail.locale = Locale(identifier: "en_US_POSIX")
        mail.timeZone = TimeZone(secondsFromGMT: 0)
        mail.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        var generator = SystemRandomNumberGenerator()
        var moments: [Date] = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 951_782_400)]
        for _ in 0..<2000 {
            moments.append(Date(timeIntervalSince1970: Double(Int64.random(in: -946_684_800...4_102_444_800, using: &generator))))
        }
        for moment in moments {
            #expect(UTCTime(moment).iso8601 == iso.string(from: moment), "\(moment.timeIntervalSince1970)")
            #expect(MailMessage.rfc5322Date(moment) == mail.string(from: moment), "\(moment.timeIntervalSince1970)")
        }
    }
}
