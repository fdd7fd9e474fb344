import Foundation

/// When an office's hotline is open each week, and which of those times nobody is on shift for.
public enum Coverage {
    /// One weekly opening: a weekday (1 = Monday … 7 = Sunday) from `opens` to `closes` (HH:mm, Beijing time, same day).
    public struct Opening: Sendable, Equatable {
        public let weekday: Int
        public let opens: String
        public let closes: String

        /// Checks a typed opening; every problem is reported.
        public init(weekday: String, opens: String, closes: String) throws(ValidationErrors) {
            var errors = ValidationErrors()
            let day = Int(weekday)
            if day.map({ !(1...7).contains($0) }) ?? true { errors.add("weekday", "error.choice_invalid") }
            let time = /^([01][0-9]|2[0-3]):[0-5][0-9]$/
            if opens.wholeMatch(of: time) == nil { errors.add("opens", "error.time_format") }
            if closes.wholeMatch(of: time) == nil { errors.add("closes", "error.time_format") }
            else if opens.wholeMatch(of: time) != nil && closes <= opens { errors.add("closes", "error.closes_before_opens") }
            guard errors.isEmpty, let day else { throw errors }
            self.weekday = day
            self.opens = opens
            self.closes = closes
        }
    }

    /// The weekday of a day, 1 = Monday … 7 = Sunday.
    public static func weekday(_ day: CalendarDate) -> Int { (day.dayNumber % 7 + 7 + 3) % 7 + 1 }

    /// The open periods of `days` days from `first`, in order.
    public static func periods(_ openings: [Opening], from first: CalendarDate, days: Int) -> [(start: Date, end: Date)] {
        (0..<days).flatMap { offset -> [(start: Date, end: Date)] in
            let day = first.adding(days: offset)
            return openings.filter { $0.weekday == weekday(day) }.compactMap { opening in
                guard let start = ShanghaiTime.instant(localMinute: "\(day)T\(opening.opens)"),
                      let end = ShanghaiTime.instant(localMinute: "\(day)T\(opening.closes)") else { return nil }
                return (start, end)
            }
        }.sorted { $0.start < $1.start }
    }

    /// The parts of the open periods that no covered period covers.
    public static func gaps(open: [(start: Date, end: Date)], covered: [(start: Date, end: Date)]) -> [(start: Date, end: Date)] {
        let covered = covered.sorted { $0.start < $1.start }
        var gaps: [(start: Date, end: Date)] = []
        for period in open {
            var from = period.start
            for cover in covered where cover.end > from && cover.start < period.end {
                if cover.start > from { gaps.append((from, cover.start)) }
                from = max(from, cover.end)
                if from >= period.end { break }
            }
            if from < period.end { gaps.append((from, period.end)) }
        }
        return gaps
    }
}
