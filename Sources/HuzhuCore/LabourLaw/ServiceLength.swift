/// How long someone worked, from their first to their last day (both counted), in whole years, months
/// and remaining days: 2023-01-01 to 2026-07-31 is 3 years 7 months 0 days.
public struct ServiceLength: Equatable, Sendable {
    public let years: Int
    public let months: Int
    public let days: Int

    public init(from start: CalendarDate, through end: CalendarDate) throws(FieldError) {
        guard start <= end else { throw FieldError("end", "error.end_before_start") }
        let after = end.adding(days: 1)
        var whole = (after.year - start.year) * 12 + after.month - start.month
        while whole > 0 && start.adding(months: whole) > after { whole -= 1 }
        years = whole / 12
        months = whole % 12
        days = start.adding(months: whole).days(until: after)
    }

    /// Months of wage a year of service earns under LCL 47, in halves: a year is 2, a remainder of
    /// six months or more another 2, a shorter (non-empty) remainder 1.
    public var halfUnits: Int {
        years * 2 + (months >= 6 ? 2 : (months > 0 || days > 0 ? 1 : 0))
    }

    public var text: String { "\(years)/\(months)/\(days)" }
}

/// Half-units as months of wage: `4`, `3.5`.
func unitsText(_ halves: Int) -> String { halves % 2 == 0 ? "\(halves / 2)" : "\(halves / 2).5" }
