/// Overtime pay (LL 44; MOHRSS 2008 No. 3): the hourly wage is the monthly wage / 174, paid at 150% on
/// workdays, 200% on rest days without time off in lieu, 300% on statutory holidays. More than 36 hours
/// a month is itself a violation (LL 41).
public enum Overtime {
    public struct Hours: Sendable {
        public var workday: Int
        public var restDay: Int
        public var holiday: Int
        /// How many months the hours were worked over (the ceiling is per month).
        public var months: Int

        public init(workday: Int, restDay: Int, holiday: Int, months: Int = 1) {
            self.workday = workday
            self.restDay = restDay
            self.holiday = holiday
            self.months = months
        }
    }

    public static let monthlyHours: Int64 = 174
    public static let ceilingPerMonth = 36

    public static func pay(monthlyWage: Money, hours: Hours) throws(FieldError) -> [LegalLine] {
        guard monthlyWage.fen > 0 else { throw FieldError("monthly_wage", "error.money_positive") }
        guard hours.months >= 1, hours.months <= 120 else { throw FieldError("months", "error.number_range") }
        for (field, value) in [("workday_hours", hours.workday), ("rest_day_hours", hours.restDay), ("holiday_hours", hours.holiday)]
        where value < 0 || value > 744 * hours.months {
            throw FieldError(field, "error.number_range")
        }
        let total = hours.workday + hours.restDay + hours.holiday
        let notes: [LawNote] = total > ceilingPerMonth * hours.months ? [.overtimeAboveCeiling] : []
        let cite = [Citation(.ll, "41", "44"), Citation(.mohrss2008, "2")]
        return [("overtime_workday", hours.workday, 15), ("overtime_rest_day", hours.restDay, 20),
                ("overtime_holiday", hours.holiday, 30)].filter { $0.1 > 0 }.map { item, count, tenths in
            let amount = Money.rounding(monthlyWage.fen * Int64(count) * Int64(tenths), over: monthlyHours * 10)
            return LegalLine(item, .money(amount), formula: "overtime",
                             [monthlyWage.formatted, "\(tenths * 10)%", String(count), amount.formatted], cite: cite, notes: notes)
        }
    }
}
