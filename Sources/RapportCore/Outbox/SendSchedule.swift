import Foundation

/// When a message may go out: the start of `email.send_window` in the
/// customer's time zone, on the edition's date or, for an edition already
/// past, on the day the outbox is written.
struct SendSchedule: Sendable {
    var window: EmailSettings.SendWindow

    /// The window's start and end as instants.
    func window(on date: CalendarDate, in timeZone: TimeZone) -> (start: Date, end: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func instant(_ minute: Int) -> Date {
            let midnight = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) ?? date.utcDate
            // Adding minutes to midnight keeps a window that crosses a
            // daylight-saving change at the same distance from midnight.
            return calendar.date(byAdding: .minute, value: minute, to: midnight) ?? midnight
        }
        return (instant(window.startMinute), instant(window.endMinute))
    }

    /// `2026-11-26T09:00:00Z`: ISO 8601 in UTC, as the manifest writes it.
    static func iso8601(_ date: Date) -> String {
        UTCTime(date).iso8601
    }
}
