/// The period an enterprise report covers: one whole calendar month (`2026-03`) or quarter (`2026-Q1`).
/// Reports of one partnership never overlap (a correction replaces the report of the same period), so
/// no two reports can be subtracted from each other.
public struct ReportPeriod: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable { case month, quarter }

    public let kind: Kind
    /// The first day.
    public let start: CalendarDate

    public init(month year: Int, _ month: Int) {
        kind = .month
        start = CalendarDate(year: year, month: min(max(month, 1), 12), day: 1)!
    }

    public init(quarter year: Int, _ quarter: Int) {
        kind = .quarter
        start = CalendarDate(year: year, month: (min(max(quarter, 1), 4) - 1) * 3 + 1, day: 1)!
    }

    /// Parses `2026-03` or `2026-Q1`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1900...9999).contains(year) else { return nil }
        if parts[1].first == "Q", parts[1].count == 2, let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) {
            self.init(quarter: year, quarter)
        } else if parts[1].count == 2, parts[1].allSatisfy(\.isASCII), let month = Int(parts[1]), (1...12).contains(month) {
            self.init(month: year, month)
        } else {
            return nil
        }
    }

    public var months: Int { kind == .month ? 1 : 3 }
    /// The day after the last day.
    public var end: CalendarDate { start.adding(months: months) }
    public var last: CalendarDate { end.adding(days: -1) }

    public var description: String {
        let year = String(format: "%04d", start.year)
        return kind == .month ? "\(year)-\(String(format: "%02d", start.month))" : "\(year)-Q\((start.month - 1) / 3 + 1)"
    }

    public func overlaps(_ other: ReportPeriod) -> Bool { start < other.end && other.start < end }

    public static func < (a: ReportPeriod, b: ReportPeriod) -> Bool { (a.start, a.months) < (b.start, b.months) }

    /// The months and quarters that have ended by `today`, newest first, going back `years`.
    public static func ended(by today: CalendarDate, years: Int = 2) -> [ReportPeriod] {
        let thisMonth = CalendarDate(year: today.year, month: today.month, day: 1)!
        var periods: [ReportPeriod] = []
        for back in 1...(years * 12) {
            let month = thisMonth.adding(months: -back)
            periods.append(ReportPeriod(month: month.year, month.month))
            if month.month % 3 == 1, ReportPeriod(quarter: month.year, (month.month - 1) / 3 + 1).end <= thisMonth {
                periods.append(ReportPeriod(quarter: month.year, (month.month - 1) / 3 + 1))
            }
        }
        return periods.sorted { ($0.end, $1.months) > ($1.end, $0.months) }
    }
}

extension ReportPeriod {
    /// The trend a report shows: its own total after those of the five latest earlier reports, as they
    /// were issued (nil: under k), so that the trend publishes nothing the reports did not.
    public static func trend(earlier: [(period: ReportPeriod, total: Int?)], this: (period: ReportPeriod, total: Int?))
        -> [(period: ReportPeriod, total: Int?)] {
        earlier.filter { $0.period < this.period }.sorted { $0.period < $1.period }.suffix(5) + [this]
    }
}
