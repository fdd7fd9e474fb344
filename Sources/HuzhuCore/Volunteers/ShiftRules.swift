import Foundation

/// The rules of a shift and of the hours people put in: a shift ends after it starts and lasts at most a
/// day; one volunteer is never on two shifts at once; a cancellation gives the notice the office asks
/// for; nobody logs more than 24 hours in a day.
public enum ShiftRules {
    public static let longestShift: TimeInterval = 24 * 3600

    public static func check(start: Date, end: Date) throws(FieldError) {
        guard end > start else { throw FieldError("ends", "error.shift_ends_before_start") }
        guard end.timeIntervalSince(start) <= longestShift else { throw FieldError("ends", "error.shift_too_long") }
    }

    /// Whether two periods share any moment (one ending as the other starts does not).
    public static func overlap(_ a: (start: Date, end: Date), _ b: (start: Date, end: Date)) -> Bool {
        a.start < b.end && b.start < a.end
    }

    /// Whether a place on a shift starting at `start` may still be given up at `now`, with `noticeHours`.
    public static func mayCancel(start: Date, now: Date, noticeHours: Int) -> Bool {
        start.timeIntervalSince(now) >= TimeInterval(noticeHours) * 3600
    }

    /// Minutes logged for one person on one day, with `adding`, may not pass a day.
    public static func checkDay(logged minutes: Int, adding more: Int) throws(FieldError) {
        guard more > 0 else { throw FieldError("minutes", "error.hours_positive") }
        guard minutes + more <= 24 * 60 else { throw FieldError("minutes", "error.hours_over_day") }
    }
}
