/// The money owed when employment ends: economic compensation (LCL 46, 47), the month in lieu of
/// notice (LCL 40) and damages for illegal termination (LCL 48, 87).
public enum Termination {
    public struct Facts: Sendable {
        public var start: CalendarDate
        public var end: CalendarDate
        /// The average monthly wage of the last 12 months (fewer if employed less).
        public var averageWage: Money
        public var minimumWage: Money
        /// The local average monthly wage of the previous year, if on record.
        public var localAverageWage: Money?

        public init(start: CalendarDate, end: CalendarDate, averageWage: Money, minimumWage: Money, localAverageWage: Money?) {
            self.start = start
            self.end = end
            self.averageWage = averageWage
            self.minimumWage = minimumWage
            self.localAverageWage = localAverageWage
        }
    }

    static let lcl2008 = CalendarDate(year: 2008, month: 1, day: 1)!

    /// Economic compensation: months of wage by service, on a base never below the minimum wage and,
    /// for high earners, capped at 3x the local average with at most 12 months.
    public static func compensation(_ facts: Facts) throws(FieldError) -> LegalLine {
        try line("economic_compensation", facts, multiplier: 1, cite: [Citation(.lcl, "46", "47"), Citation(.lclIR, "27")])
    }

    /// Damages for illegal termination: twice the economic compensation, not added to it.
    public static func illegalTermination(_ facts: Facts) throws(FieldError) -> LegalLine {
        try line("illegal_termination", facts, multiplier: 2,
                 cite: [Citation(.lcl, "48", "87"), Citation(.lclIR, "25")])
    }

    /// One month at the previous month's wage, when the employer dismisses without 30 days' notice.
    public static func noticeMonth(previousMonthWage: Money) throws(FieldError) -> LegalLine {
        guard previousMonthWage.fen > 0 else { throw FieldError("last_month_wage", "error.money_positive") }
        return LegalLine("notice_month", .money(previousMonthWage), formula: "notice_month", [previousMonthWage.formatted],
                         cite: [Citation(.lcl, "40"), Citation(.lclIR, "20")])
    }

    private static func line(_ item: String, _ facts: Facts, multiplier: Int64, cite: [Citation]) throws(FieldError) -> LegalLine {
        guard facts.averageWage.fen > 0 else { throw FieldError("average_wage", "error.money_positive") }
        let service = try ServiceLength(from: facts.start, through: facts.end)
        var notes: [LawNote] = []
        var base = facts.averageWage
        var halves = service.halfUnits
        if base < facts.minimumWage {
            base = facts.minimumWage
            notes.append(.wageRaisedToMinimum)
        }
        if let average = facts.localAverageWage {
            if base > average * 3 {
                base = average * 3
                halves = min(halves, 24)
                notes.append(.wageCapped)
            }
        } else {
            notes.append(.capNotChecked)
        }
        if facts.start < lcl2008 { notes.append(.serviceBefore2008) }
        let amount = Money.rounding(base.fen * Int64(halves) * multiplier, over: 2)
        return LegalLine(item, .money(amount), formula: multiplier == 1 ? "compensation" : "double_compensation",
                         [String(service.years), String(service.months), String(service.days), unitsText(halves),
                          base.formatted, amount.formatted],
                         cite: cite, notes: notes)
    }
}
