import Foundation

/// Instants are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving since 1991).
public enum ShanghaiTime {
    public static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func components(_ instant: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
    }

    /// `2026-11-22` in Chinese, `22 Nov 2026` in English.
    public static func date(_ instant: Date, in language: Language) -> String {
        let c = components(instant)
        switch language {
        case .zhHans: return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        case .en: return "\(c.day!) \(englishMonths[c.month! - 1]) \(c.year!)"
        }
    }

    /// The date followed by the 24-hour time, e.g. `2026-11-22 09:05`.
    public static func dateTime(_ instant: Date, in language: Language) -> String {
        let c = components(instant)
        return date(instant, in: language) + String(format: " %02d:%02d", c.hour!, c.minute!)
    }

    /// `2026-11-22T09:30`, the value of a `datetime-local` field, in Beijing.
    public static func localMinute(_ instant: Date) -> String {
        let c = components(instant)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// Reads `2026-11-22T09:30` as Beijing time; nil when it is not a real minute.
    public static func instant(localMinute text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day,
                                                  hour: clock[0], minute: clock[1]))
    }
}
