/// Overtime pay (LL 44; MOHRSS 2008 No. 3): the hourly wage is the monthly wage / 174, paid at 150% on
/// workdays, 200% on rest days without time off in lieu, 300% on statutory holidays. More than 36 hours
/// a month is itself a violation (LL 41).
public enum Overtime {
    /// Overtime hours, counted in half hours (10.5 hours is 21), over a number of months.
    public struct Hours: Sendable {
        public var workday: Int
        public var restDay: Int
        public var holiday: Int
        /// How many months the hours were worked over (the ceiling is per month).
        public var months: Int

        /// Whole hours.
        public init(workday: Int, restDay: Int, holiday: Int, months: Int = 1) {
            self.init(halves: workday * 2, restDay: restDay * 2, holiday: holiday * 2, months: months)
        }

        public init(halves workday: Int, restDay: Int, holiday: Int, months: Int = 1) {
            self.workday = workday
            self.restDay = restDay
            self.holiday = holiday
            self.months = months
        }

        /// `10`, `10.5` or `10.0` as half hours (21); anything else nil.
        public static func halves(_ text: String) -> Int? {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isASCII) else { return nil }
            switch parts.count == 2 ? String(parts[1]) : "0" {
            case "0", "00": return whole * 2
            case "5", "50": return whole * 2 + 1
            default: return nil
            }
        }
    }

    public static let monthlyHours: Int64 = 174
    public static let ceilingPerMonth = 36

    public static func pay(monthlyWage: Money, hours: Hours) throws(FieldError) -> [LegalLine] {
        guard monthlyWage.fen > 0 else { throw FieldError("monthly_wage", "error.money_positive") }
        guard hours.months >= 1, hours.months <= 120 else { throw FieldError("months", "error.number_range") }
        for (field, value) in [("workday_hours", hours.workday), ("rest_day_hours", hours.restDay), ("holiday_hours", hours.holiday)]
        where value < 0 || value > 744 * 2 * hours.months {
            throw FieldError(field, "error.number_range")
        }
        let total = hours.workday + hours.restDay + hours.holiday
        let notes: [LawNote] = total > ceilingPerMonth * 2 * hours.months ? [.overtimeAboveCeiling] : []
        let cite = [Citation(.ll, "41", "44"), Citation(.mohrss2008, "2")]
        return [("overtime_workday", hours.workday, 15), ("overtime_rest_day", hours.restDay, 20),
                ("overtime_holiday", hours.holiday, 30)].filter { $0.1 > 0 }.map { item, halves, tenths in
            let amount = Money.rounding(monthlyWage.fen * Int64(halves) * Int64(tenths), over: monthlyHours * 10 * 2)
            return LegalLine(item, .money(amount), formula: "overtime",
                             [monthlyWage.formatted, "\(tenths * 10)%", unitsText(halves), amount.formatted], cite: cite, notes: notes)
        }
    }
}
