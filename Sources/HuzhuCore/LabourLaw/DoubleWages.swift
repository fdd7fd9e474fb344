/// Double wages for working without a written contract (LCL 10, 82; LCL-IR 6, 7): one extra month's
/// wage for each month from the day after the first full month of work until the day before the
/// contract was signed (or the work ended), at most 11 months; a part month counts by its days.
public enum DoubleWages {
    public static func owed(start: CalendarDate, signed: CalendarDate?, ended: CalendarDate?, monthlyWage: Money,
                            today: CalendarDate) throws(FieldError) -> LegalLine {
        guard monthlyWage.fen > 0 else { throw FieldError("monthly_wage", "error.money_positive") }
        if let signed, signed < start { throw FieldError("signed_on", "error.end_before_start") }
        if let ended, ended < start { throw FieldError("end", "error.end_before_start") }
        let (from, through) = period(start: start, signed: signed, ended: ended, today: today)
        var notes: [LawNote] = []
        if signed == nil && (ended ?? today) > start.adding(years: 1).adding(days: -1) { notes.append(.openEndedDeemed) }
        guard from <= through else {
            return LegalLine("double_wages", .money(Money(fen: 0)), formula: "double_wages_none", [from.description],
                             cite: citations, notes: notes)
        }
        // Whole months from `from`, then the days left over as a share of the month they fall in.
        let after = through.adding(days: 1)
        var whole = (after.year - from.year) * 12 + after.month - from.month
        while whole > 0 && from.adding(months: whole) > after { whole -= 1 }
        let partStart = from.adding(months: whole)
        let partDays = partStart.days(until: after)
        let monthDays = partStart.adding(months: 1).dayNumber - partStart.dayNumber
        let numerator = monthlyWage.fen * (Int64(whole) * Int64(monthDays) + Int64(partDays))
        let amount = Money.rounding(numerator, over: Int64(monthDays))
        return LegalLine("double_wages", .money(amount), formula: "double_wages",
                         [from.description, through.description, String(whole), String(partDays), String(monthDays),
                          monthlyWage.formatted, amount.formatted],
                         cite: citations, notes: notes)
    }

    /// The days double wages run: from the day after the first full month to the day before signing,
    /// the end of the work, today, or the end of the first year, whichever comes first (empty when
    /// `through` is before `from`).
    public static func period(start: CalendarDate, signed: CalendarDate?, ended: CalendarDate?,
                              today: CalendarDate) -> (from: CalendarDate, through: CalendarDate) {
        var through = min(start.adding(years: 1).adding(days: -1), today)
        if let signed { through = min(through, signed.adding(days: -1)) }
        if let ended { through = min(through, ended) }
        return (start.adding(months: 1), through)
    }

    static let citations = [Citation(.lcl, "10", "82"), Citation(.lclIR, "6", "7")]
}
