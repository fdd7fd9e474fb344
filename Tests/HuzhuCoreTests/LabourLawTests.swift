import HuzhuCore
import Testing

func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
func yuan(_ amount: Int64) -> Money { Money(fen: amount * 100) }

@Suite("Labour law: money owed, with the worked examples of labor-law.md")
struct LabourLawMoneyTests {
    func facts(_ start: String, _ end: String, wage: Int64, minimum: Int64 = 2_540, average: Int64? = 12_434) -> Termination.Facts {
        Termination.Facts(start: day(start), end: day(end), averageWage: yuan(wage), minimumWage: yuan(minimum),
                          localAverageWage: average.map(yuan))
    }

    @Test("Economic compensation: 3 years 7 months at 8,000 is 4 months, 32,000")
    func compensationExample() throws {
        let line = try Termination.compensation(facts("2022-01-01", "2025-07-31", wage: 8_000))
        #expect(line.amount == yuan(32_000))
        #expect(line.arguments.prefix(4) == ["3", "7", "0", "4"])
        #expect(line.citations == [Citation(.lcl, "46", "47"), Citation(.lclIR, "27")])
        #expect(line.notes.isEmpty)
    }

    @Test("Economic compensation: 20 years at 3,000 (local average 2,000, minimum 1,000) is 60,000; not capped")
    func compensationLongService() throws {
        let line = try Termination.compensation(facts("2008-01-01", "2027-12-31", wage: 3_000, minimum: 1_000, average: 2_000))
        #expect(line.amount == yuan(60_000))
    }

    @Test("The six-month boundary: six months is a whole month's wage, a day less is half")
    func sixMonths() throws {
        #expect(try ServiceLength(from: day("2024-01-01"), through: day("2026-06-30")).halfUnits == 6)
        #expect(try ServiceLength(from: day("2024-01-01"), through: day("2026-06-29")).halfUnits == 5)
        #expect(try ServiceLength(from: day("2024-01-01"), through: day("2024-01-01")).halfUnits == 1)
        #expect(try Termination.compensation(facts("2024-01-01", "2026-06-29", wage: 8_000)).amount == yuan(20_000))
    }

    @Test("Month-end and leap-year starts count whole months by the calendar")
    func monthEnds() throws {
        // A month from 01-31 ends the day before its anniversary, 02-29 in a leap year.
        let month = try ServiceLength(from: day("2024-01-31"), through: day("2024-02-28"))
        #expect((month.years, month.months, month.days) == (0, 1, 0))
        // The anniversary of 02-29 in a common year is 02-28.
        let year = try ServiceLength(from: day("2024-02-29"), through: day("2025-02-27"))
        #expect((year.years, year.months, year.days) == (1, 0, 0))
        let dayMore = try ServiceLength(from: day("2024-02-29"), through: day("2025-02-28"))
        #expect((dayMore.years, dayMore.months, dayMore.days) == (1, 0, 1))
        #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(day("2025-01-31").adding(months: 1) == day("2025-02-28"))
        #expect(day("2024-02-29").adding(years: 1) == day("2025-02-28"))
        #expect(throws: FieldError("end", "error.end_before_start")) { try ServiceLength(from: day("2025-01-02"), through: day("2025-01-01")) }
    }

    @Test("Above 3x the local average the base is capped and the months stop at 12; below the minimum it is raised")
    func capAndFloor() throws {
        let capped = try Termination.compensation(facts("2010-01-01", "2025-12-31", wage: 50_000, average: 12_434))
        #expect(capped.amount == yuan(12_434 * 3 * 12))
        #expect(capped.notes == [.wageCapped])
        let floor = try Termination.compensation(facts("2023-01-01", "2025-12-31", wage: 1_800))
        #expect(floor.amount == yuan(2_540 * 3))
        #expect(floor.notes == [.wageRaisedToMinimum])
        let unknown = try Termination.compensation(facts("2023-01-01", "2025-12-31", wage: 8_000, average: nil))
        #expect(unknown.notes == [.capNotChecked])
        let early = try Termination.compensation(facts("2005-03-01", "2025-12-31", wage: 8_000))
        #expect(early.notes.contains(.serviceBefore2008))
    }

    @Test("Illegal termination is twice the compensation; the notice month is the last month's wage")
    func illegalAndNotice() throws {
        #expect(try Termination.illegalTermination(facts("2022-01-01", "2025-07-31", wage: 8_000)).amount == yuan(64_000))
        #expect(try Termination.noticeMonth(previousMonthWage: yuan(7_500)).amount == yuan(7_500))
    }

    @Test("Double wages: 2,000 a month from 2011-01-01, never signed, is 11 months, 22,000; a contract on day 40 owes 8 days")
    func doubleWages() throws {
        let never = try DoubleWages.owed(start: day("2011-01-01"), signed: nil, ended: nil, monthlyWage: yuan(2_000), today: day("2026-11-23"))
        #expect(never.amount == yuan(22_000))
        #expect(never.notes == [.openEndedDeemed])
        let dayForty = try DoubleWages.owed(start: day("2026-01-01"), signed: day("2026-02-09"), ended: nil,
                                            monthlyWage: yuan(2_800), today: day("2026-11-23"))
        #expect(dayForty.amount == Money(fen: 280_000 * 8 / 28))
        let inTime = try DoubleWages.owed(start: day("2026-01-01"), signed: day("2026-01-20"), ended: nil,
                                          monthlyWage: yuan(2_800), today: day("2026-11-23"))
        #expect(inTime.amount == Money(fen: 0))
        // Started on the 31st: the first full month ends 02-27, so double wages run from 02-28.
        let monthEnd = try DoubleWages.owed(start: day("2026-01-31"), signed: day("2026-03-28"), ended: nil,
                                            monthlyWage: yuan(2_800), today: day("2026-11-23"))
        #expect(monthEnd.arguments.prefix(4) == ["2026-02-28", "2026-03-27", "1", "0"])
        #expect(monthEnd.amount == yuan(2_800))
        #expect(throws: FieldError("signed_on", "error.end_before_start")) {
            try DoubleWages.owed(start: day("2026-01-01"), signed: day("2025-12-01"), ended: nil, monthlyWage: yuan(2_800), today: day("2026-11-23"))
        }
    }

    @Test("Overtime: 10 workday hours at 4,000 a month is 344.83; more than 36 hours a month is flagged")
    func overtime() throws {
        let lines = try Overtime.pay(monthlyWage: yuan(4_000), hours: .init(workday: 10, restDay: 0, holiday: 0))
        #expect(lines.map(\.amount) == [Money(fen: 34_483)])
        #expect(lines[0].notes.isEmpty)
        let exactly = try Overtime.pay(monthlyWage: yuan(4_000), hours: .init(workday: 20, restDay: 16, holiday: 0))
        #expect(exactly.allSatisfy { $0.notes.isEmpty })
        let over = try Overtime.pay(monthlyWage: yuan(4_000), hours: .init(workday: 20, restDay: 16, holiday: 1))
        #expect(over.count == 3 && over.allSatisfy { $0.notes == [.overtimeAboveCeiling] })
        #expect(over[2].amount == Money.init(fen: 6_897))  // 4,000 / 174 x 300% x 1 h
        #expect(throws: FieldError("workday_hours", "error.number_range")) {
            try Overtime.pay(monthlyWage: yuan(4_000), hours: .init(workday: -1, restDay: 0, holiday: 0))
        }
        // Half hours: 10.5 workday hours at 4,000 is 4,000 / 174 x 150% x 10.5 = 362.07.
        let half = try Overtime.pay(monthlyWage: yuan(4_000), hours: .init(halves: 21, restDay: 0, holiday: 0))
        #expect(half.map(\.amount) == [Money(fen: 36_207)] && half[0].arguments[2] == "10.5")
        #expect(["10", "10.5", "10.0", "0.5"].map(Overtime.Hours.halves) == [20, 21, 20, 1])
        #expect(["10.25", "-1", "1e3", "", "１０"].map(Overtime.Hours.halves) == [nil, nil, nil, nil, nil])
    }

    @Test("Work injury: grade 1 is 27 months and grade 10 is 7; the wage is held between 60% and 300% of the area's average")
    func injury() throws {
        #expect(try WorkInjury.disabilitySubsidy(grade: 1, averageWage: yuan(8_000), areaAverage: yuan(12_434)).amount == yuan(216_000))
        let low = try WorkInjury.disabilitySubsidy(grade: 10, averageWage: yuan(3_000), areaAverage: yuan(12_434))
        #expect(low.amount == Money(fen: 746_040 * 7) && low.notes == [.injuryWageClamped])
        #expect(throws: FieldError("grade", "error.injury_grade")) {
            try WorkInjury.disabilitySubsidy(grade: 11, averageWage: yuan(3_000), areaAverage: yuan(12_434))
        }
        #expect(throws: FieldError("grade", "error.injury_grade")) {
            try WorkInjury.disabilitySubsidy(grade: 0, averageWage: yuan(3_000), areaAverage: yuan(12_434))
        }
        let death = WorkInjury.death(nationalIncome: yuan(54_188), areaAverage: yuan(12_434))
        #expect(death.map(\.amount) == [yuan(1_083_760), yuan(74_604)])
        // Without the local average wage, the lump sum stands and the funeral subsidy says what it lacks.
        let unknownArea = WorkInjury.death(nationalIncome: yuan(54_188), areaAverage: nil)
        #expect(unknownArea.map(\.amount) == [yuan(1_083_760), nil] && unknownArea[1].notes == [.needsLocalAverageWage])
    }

    @Test("The LCL 85 surcharge is a range; an item up to 12 months of the minimum wage gets a final award")
    func arrears() {
        #expect(ArrearsRules.surcharge(owed: yuan(10_001)).value == .range(Money(fen: 500_050), yuan(10_001)))
        #expect(ArrearsRules.finalAward(item: yuan(30_480), minimumWage: yuan(2_540)).notes == [.finalAward])
        #expect(ArrearsRules.finalAward(item: Money(fen: 3_048_001), minimumWage: yuan(2_540)).notes == [.notFinalAward])
    }
}

@Suite("Labour law: deadlines")
struct LabourLawDeadlineTests {
    @Test("A year from knowing; an interruption restarts it, a suspension pauses it")
    func limitation() throws {
        #expect(Deadlines.limitation(knewOn: day("2025-03-10")).date == day("2026-03-10"))
        #expect(Deadlines.limitation(knewOn: day("2025-03-10"), interruptions: [day("2025-12-01")]).date == day("2026-12-01"))
        #expect(Deadlines.limitation(knewOn: day("2025-03-10"), interruptions: [day("2026-05-01")]).date == day("2026-03-10"))
        let paused = Deadlines.limitation(knewOn: day("2025-03-10"),
                                          suspensions: [try Deadlines.Suspension(from: day("2025-06-01"), through: day("2025-06-10"))])
        #expect(paused.date == day("2026-03-20"))
        #expect(Deadlines.limitation(knewOn: day("2024-02-29")).date == day("2025-02-28"))
    }

    @Test("Wage arrears: no limit while employed, a year from the end of employment after")
    func arrears() {
        let open = Deadlines.limitation(knewOn: day("2025-03-10"), wageArrears: true, stillEmployed: true)
        #expect(open.value == .open && open.notes == [.noLimitWhileEmployed])
        #expect(Deadlines.limitation(knewOn: day("2025-03-10"), wageArrears: true, employmentEnded: day("2025-08-31")).date
            == day("2026-08-31"))
    }

    @Test("Mediation, award, appeal and annulment, judicial confirmation, injury and start-of-work windows")
    func windows() {
        #expect(Deadlines.mediation(appliedOn: day("2026-01-20")).date == day("2026-02-04"))
        #expect(Deadlines.award(acceptedOn: day("2026-01-01"), extended: false).date == day("2026-02-15"))
        #expect(Deadlines.award(acceptedOn: day("2026-01-01"), extended: true).date == day("2026-03-02"))
        #expect(Deadlines.afterAward(receivedOn: day("2026-03-01")).map(\.date) == [day("2026-03-16"), day("2026-03-31")])
        #expect(Deadlines.judicialConfirmation(agreementEffectiveOn: day("2026-12-15")).date == day("2027-01-14"))
        #expect(Deadlines.injuryRecognition(injuredOn: day("2024-02-29")).map(\.date) == [day("2024-03-30"), day("2025-02-28")])
        #expect(Deadlines.injuryDecision(acceptedOn: day("2026-01-01"), factsClear: true).date == day("2026-01-16"))
        #expect(Deadlines.onStart(day("2026-01-31")).map(\.date) == [day("2026-03-02"), day("2026-02-28")])
    }

    @Test("The double-wage limitation follows the chosen local practice, and says which")
    func doubleWageModes() {
        let start = day("2025-01-01"), end = day("2025-12-31")
        #expect(Deadlines.doubleWages(start: start, periodEnd: end, mode: .fromPeriodEnd).date == day("2026-12-31"))
        // The first month ends 2025-01-31; the period runs from the next day, so its last day is 2026-01-31,
        // counted as in mode (a) and the general limitation (the triggering day a year later).
        #expect(Deadlines.doubleWages(start: start, periodEnd: end, mode: .fromFirstMonth).date == day("2026-01-31"))
        let monthly = Deadlines.doubleWages(start: start, periodEnd: end, mode: .monthByMonth)
        #expect(monthly.formula == "double_wages_limitation_b" && monthly.arguments == ["2025-02-28", "2026-02-28", "2026-12-31"])
    }

    @Test("A filing date makes each limitation timely, barred, or (month by month) partly barred")
    func filedOn() {
        let start = day("2025-01-01"), end = day("2025-12-31")
        #expect(Deadlines.limitation(knewOn: day("2025-03-10"), filedOn: day("2026-03-10")).notes == [.timely])
        #expect(Deadlines.limitation(knewOn: day("2025-03-10"), filedOn: day("2026-03-11")).notes == [.barred])
        #expect(Deadlines.limitation(knewOn: day("2025-03-10")).notes.isEmpty)
        #expect(Deadlines.limitation(knewOn: day("2025-03-10"), wageArrears: true, stillEmployed: true, filedOn: day("2030-01-01"))
            .notes == [.noLimitWhileEmployed, .timely])
        for mode in Deadlines.DoubleWageMode.allCases {
            #expect(Deadlines.doubleWages(start: start, periodEnd: end, mode: mode, filedOn: day("2026-01-31")).notes == [.timely], "\(mode)")
            #expect(Deadlines.doubleWages(start: start, periodEnd: end, mode: mode, filedOn: day("2027-01-01")).notes == [.barred], "\(mode)")
        }
        #expect(Deadlines.doubleWages(start: start, periodEnd: end, mode: .monthByMonth, filedOn: day("2026-06-01")).notes == [.partlyBarred])
        #expect(Deadlines.doubleWages(start: start, periodEnd: end, mode: .fromPeriodEnd, filedOn: day("2026-06-01")).notes == [.timely])
        #expect(Deadlines.doubleWages(start: start, periodEnd: end, mode: .fromFirstMonth, filedOn: day("2026-06-01")).notes == [.barred])
    }

    @Test("Day numbers round-trip across centuries and leap days")
    func dayNumbers() {
        for text in ["1970-01-01", "2000-02-29", "1900-03-01", "2100-02-28", "2024-12-31"] {
            #expect(CalendarDate(dayNumber: day(text).dayNumber) == day(text))
        }
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("2024-02-28").days(until: day("2024-03-01")) == 2)
    }
}
