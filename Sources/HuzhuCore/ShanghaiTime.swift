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
}
