/// The legal deadlines that follow from a dispute's dates (the table of labor-law.md).
public enum Deadlines {
    /// A pause of the limitation period (force majeure), from its first to its last day.
    public struct Suspension: Sendable, Equatable {
        public let from: CalendarDate
        public let through: CalendarDate

        public init(from: CalendarDate, through: CalendarDate) throws(FieldError) {
            guard from <= through else { throw FieldError("suspension", "error.end_before_start") }
            self.from = from
            self.through = through
        }
    }

    /// The one-year limitation period for arbitration (LDMAL 27): from the day after the worker knew of
    /// the violation (Civil Code 201: the triggering day is not counted), so its last day is that day a
    /// year later; restarted by each interruption (a demand, a complaint, the employer agreeing to pay)
    /// and extended by the days of each suspension that falls while it runs. Wage arrears while the
    /// worker is still employed have no limit; once employment ends, a year from its end. With the day a
    /// claim is (to be) filed, the line says whether it is timely or barred.
    public static func limitation(knewOn: CalendarDate, interruptions: [CalendarDate] = [], suspensions: [Suspension] = [],
                                  wageArrears: Bool = false, employmentEnded: CalendarDate? = nil,
                                  stillEmployed: Bool = false, filedOn: CalendarDate? = nil) -> LegalLine {
        let cite = [Citation(.ldmal, "27")]
        if wageArrears && stillEmployed {
            return LegalLine("limitation", .open, formula: "limitation_open", [], cite: cite,
                             notes: [.noLimitWhileEmployed] + (filedOn.map { _ in [.timely] } ?? []))
        }
        var start = wageArrears ? (employmentEnded ?? knewOn) : knewOn
        for interruption in interruptions.sorted() where interruption >= start && interruption <= start.adding(years: 1) {
            start = interruption
        }
        var deadline = start.adding(years: 1)
        var paused = 0
        for suspension in suspensions.sorted(by: { $0.from < $1.from }) where suspension.from <= deadline && suspension.through >= start {
            let days = max(suspension.from, start).days(until: min(suspension.through, deadline)) + 1
            paused += days
            deadline = deadline.adding(days: days)
        }
        return LegalLine("limitation", .date(deadline), formula: "limitation",
                         [start.description, String(paused), deadline.description], cite: cite,
                         notes: timeliness(filedOn, first: deadline, last: deadline))
    }

    /// Timely when filed by the last day of every period concerned, barred after the last, partly
    /// barred between (month-by-month double wages: the earliest months are lost first).
    static func timeliness(_ filedOn: CalendarDate?, first: CalendarDate, last: CalendarDate) -> [LawNote] {
        guard let filedOn else { return [] }
        if filedOn <= first { return [.timely] }
        return filedOn <= last ? [.partlyBarred] : [.barred]
    }

    /// A deadline a fixed number of days or months after an event.
    static func after(_ item: String, _ event: CalendarDate, days: Int = 0, months: Int = 0, years: Int = 0,
                      cite: Citation) -> LegalLine {
        let date = event.adding(years: years).adding(months: months).adding(days: days)
        return LegalLine(item, .date(date), formula: "deadline_after", [event.description, date.description], cite: [cite])
    }

    public static func mediation(appliedOn: CalendarDate) -> LegalLine {
        after("mediation_window", appliedOn, days: 15, cite: Citation(.ldmal, "14"))
    }

    /// The award is due 45 days after the case is accepted, 60 if extended.
    public static func award(acceptedOn: CalendarDate, extended: Bool) -> LegalLine {
        after(extended ? "award_due_extended" : "award_due", acceptedOn, days: extended ? 60 : 45, cite: Citation(.ldmal, "43"))
    }

    public static func afterAward(receivedOn: CalendarDate) -> [LegalLine] {
        [after("sue_after_award", receivedOn, days: 15, cite: Citation(.ldmal, "48", "50")),
         after("annul_final_award", receivedOn, days: 30, cite: Citation(.ldmal, "49"))]
    }

    public static func judicialConfirmation(agreementEffectiveOn: CalendarDate) -> LegalLine {
        after("judicial_confirmation", agreementEffectiveOn, days: 30, cite: Citation(.pml, "33"))
    }

    /// The employer has 30 days to apply for injury recognition; the worker, their relatives or union a year.
    public static func injuryRecognition(injuredOn: CalendarDate) -> [LegalLine] {
        [after("injury_employer_application", injuredOn, days: 30, cite: Citation(.wiir, "17")),
         after("injury_worker_application", injuredOn, years: 1, cite: Citation(.wiir, "17"))]
    }

    public static func injuryDecision(acceptedOn: CalendarDate, factsClear: Bool) -> LegalLine {
        after("injury_decision", acceptedOn, days: factsClear ? 15 : 60, cite: Citation(.wiir, "20"))
    }

    public static func onStart(_ start: CalendarDate) -> [LegalLine] {
        [after("social_insurance_registration", start, days: 30, cite: Citation(.socialInsuranceLaw, "58")),
         after("written_contract", start, months: 1, cite: Citation(.lcl, "10"))]
    }

    /// When the limitation period for double wages runs out, by the local practice chosen. Each runs, like
    /// every limitation period, from the day after its triggering day (Civil Code 201), so its last day is
    /// the triggering day a year later.
    public enum DoubleWageMode: String, CaseIterable, Codable, Sendable {
        /// (a) a year from the end of the no-contract period (the default).
        case fromPeriodEnd = "a"
        /// (b) month by month: each month's extra wage a year after that month, so a claim reaches back a year.
        case monthByMonth = "b"
        /// (c) a year from the day after the first month.
        case fromFirstMonth = "c"
    }

    public static func doubleWages(start: CalendarDate, periodEnd: CalendarDate, mode: DoubleWageMode,
                                   filedOn: CalendarDate? = nil) -> LegalLine {
        let cite = [Citation(.ldmal, "27"), Citation(.lcl, "82")]
        let last = periodEnd.adding(years: 1)
        switch mode {
        case .fromPeriodEnd:
            return LegalLine("double_wages_limitation", .date(last), formula: "double_wages_limitation_a",
                             [periodEnd.description, last.description], cite: cite,
                             notes: timeliness(filedOn, first: last, last: last))
        case .monthByMonth:
            // The first month owed double is the second month of work; it ends the day before the third begins.
            let firstMonthEnd = min(start.adding(months: 2).adding(days: -1), periodEnd)
            return LegalLine("double_wages_limitation", .date(last), formula: "double_wages_limitation_b",
                             [firstMonthEnd.description, firstMonthEnd.adding(years: 1).description, last.description], cite: cite,
                             notes: timeliness(filedOn, first: firstMonthEnd.adding(years: 1), last: last))
        case .fromFirstMonth:
            let firstMonthEnd = start.adding(months: 1).adding(days: -1)
            let deadline = firstMonthEnd.adding(years: 1)
            return LegalLine("double_wages_limitation", .date(deadline), formula: "double_wages_limitation_c",
                             [firstMonthEnd.description, deadline.description], cite: cite,
                             notes: timeliness(filedOn, first: deadline, last: deadline))
        }
    }
}
