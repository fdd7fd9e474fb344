import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// The result of a calculation: the money lines, the deadlines, the local figures used (with their
/// sources), and the claims it would record on a case.
struct Calculation {
    var situation: Situation
    var lines: [LegalLine] = []
    var deadlines: [LegalLine] = []
    var parameters: [WageParameter] = []
    var claims: [ClaimHead: Money] = [:]

    /// Adds a money line, and its amount to what would be claimed under `head`.
    mutating func claim(_ line: LegalLine, as head: ClaimHead) {
        lines.append(line)
        guard let amount = line.amount, amount.fen > 0 else { return }
        claims[head] = Money(fen: (claims[head]?.fen ?? 0) + amount.fen)
    }
}

/// Runs the labour-law rules of HuzhuCore on a situation's facts, with the local figures in force on
/// the date that applies to it (the end of employment, the injury, the start), never today's by default.
enum Calculator {
    static func run(_ input: CalculatorInput, today: CalendarDate, book: ParameterBook) async throws -> Calculation {
        guard let situation = input.chosen else { throw ValidationErrors([FieldError("situation", "error.choice_invalid")]) }
        var facts = CalculatorFacts(input, today: today)
        var result = Calculation(situation: situation)
        let filed = facts.date("filed_on", required: false)
        switch situation {
        case .dismissed, .resignedUnpaid:
            let start = facts.date("start"), end = facts.date("end"), wage = facts.money("average_wage")
            let lastMonth = facts.money("last_month_wage", required: false)
            let unpaid = situation == .resignedUnpaid ? facts.money("unpaid") : nil
            let knew = facts.date("knew_on", required: false)
            facts.checkService(from: start, through: end)
            let local = try await figures(&facts, region: input.text("region"), on: end ?? today, book: book, result: &result)
            try facts.errors.throwIfAny()
            let terms = Termination.Facts(start: start!, end: end!, averageWage: wage!, minimumWage: local.minimum,
                                          localAverageWage: local.average)
            if situation == .dismissed && input.flag("unlawful") {
                try collect(&facts) { () throws(FieldError) in result.claim(try Termination.illegalTermination(terms), as: .terminationDamages) }
            } else {
                try collect(&facts) { () throws(FieldError) in result.claim(try Termination.compensation(terms), as: .economicCompensation) }
            }
            if situation == .dismissed && !input.flag("unlawful") && !input.flag("notice_given") {
                try collect(&facts) { () throws(FieldError) in
                    result.claim(try Termination.noticeMonth(previousMonthWage: lastMonth ?? wage!), as: .other)
                }
            }
            if let unpaid {
                result.claim(LegalLine("unpaid_wages", .money(unpaid), formula: "unpaid_wages", [unpaid.formatted],
                                       cite: [Citation(.ll, "50"), Citation(.lcl, "30", "38")]), as: .unpaidWages)
                result.lines.append(ArrearsRules.surcharge(owed: unpaid))
            }
            result.deadlines.append(Deadlines.limitation(knewOn: knew ?? end!, wageArrears: unpaid != nil, employmentEnded: end,
                                                         filedOn: filed))
            checkFinal(&result, minimum: local.minimum)
        case .noContract:
            let start = facts.date("start"), signed = facts.date("signed_on", required: false)
            let end = facts.date("end", required: false), wage = facts.money("monthly_wage")
            facts.checkService(from: start, through: end)
            try facts.errors.throwIfAny()
            let mode = try await book.doubleWageMode()
            try collect(&facts) { () throws(FieldError) in
                result.claim(try DoubleWages.owed(start: start!, signed: signed, ended: end, monthlyWage: wage!, today: today),
                             as: .doubleWages)
            }
            let period = DoubleWages.period(start: start!, signed: signed, ended: end, today: today)
            if period.from <= period.through {
                result.deadlines.append(Deadlines.doubleWages(start: start!, periodEnd: period.through, mode: mode, filedOn: filed))
            }
            result.deadlines += Deadlines.onStart(start!)
        case .overtime:
            let wage = facts.money("monthly_wage")
            let hours = Overtime.Hours(halves: facts.halfHours("workday_hours", max: 9_000),
                                       restDay: facts.halfHours("rest_day_hours", max: 9_000),
                                       holiday: facts.halfHours("holiday_hours", max: 9_000),
                                       months: facts.number("months", in: 1...120, default: 1) ?? 1)
            let end = facts.date("end", required: false)
            if hours.workday + hours.restDay + hours.holiday == 0 { facts.add(FieldError("workday_hours", "error.required")) }
            try facts.errors.throwIfAny()
            try collect(&facts) { () throws(FieldError) in
                for line in try Overtime.pay(monthlyWage: wage!, hours: hours) { result.claim(line, as: .overtime) }
            }
            result.deadlines.append(Deadlines.limitation(knewOn: end ?? today, wageArrears: true, employmentEnded: end,
                                                         stillEmployed: end == nil, filedOn: filed))
        case .injured:
            let injured = facts.date("injured_on"), wage = facts.money("average_wage", required: !input.flag("died"))
            let grade = input.flag("died") ? nil : facts.number("grade", in: 1...10)
            let local = try await figures(&facts, region: input.text("region"), on: injured ?? today, book: book, result: &result)
            // A death lump sum needs only the national figure; the rest needs the local average wage.
            if local.average == nil && !input.flag("died") { facts.add(FieldError("region", "error.no_average_wage")) }
            var income: WageParameter?
            if input.flag("died") {
                income = try await book.value(.nationalIncome, region: WageParameter.national, on: injured ?? today)
                if let income { result.parameters.append(income) } else { facts.add(FieldError("injured_on", "error.no_national_income")) }
            }
            try facts.errors.throwIfAny()
            if let income {
                for line in WorkInjury.death(nationalIncome: Money(fen: income.amountFen), areaAverage: local.average) {
                    result.claim(line, as: .injuryBenefits)
                }
            } else {
                try collect(&facts) { () throws(FieldError) in
                    result.claim(try WorkInjury.disabilitySubsidy(grade: grade!, averageWage: wage!, areaAverage: local.average!),
                                 as: .injuryBenefits)
                }
            }
            result.deadlines += Deadlines.injuryRecognition(injuredOn: injured!)
        }
        return result
    }

    /// The region's minimum wage (required) and average wage (if on record) in force on `date`.
    private static func figures(_ facts: inout CalculatorFacts, region: String?, on date: CalendarDate, book: ParameterBook,
                                result: inout Calculation) async throws -> (minimum: Money, average: Money?) {
        guard let region else {
            facts.add(FieldError("region", "error.required"))
            return (Money(fen: 0), nil)
        }
        guard let minimum = try await book.value(.minimumWage, region: region, on: date) else {
            facts.add(FieldError("region", "error.no_minimum_wage"))
            return (Money(fen: 0), nil)
        }
        let average = try await book.value(.averageWage, region: region, on: date)
        result.parameters += [minimum] + [average].compactMap { $0 }
        return (Money(fen: minimum.amountFen), average.map { Money(fen: $0.amountFen) })
    }

    /// Marks each amount owed as finally decided by arbitration or not, and states the limit.
    private static func checkFinal(_ result: inout Calculation, minimum: Money) {
        let owed = result.lines.compactMap(\.amount)
        guard let largest = owed.max() else { return }
        let check = ArrearsRules.finalAward(item: largest, minimumWage: minimum)
        let limit = check.amount!
        for index in result.lines.indices {
            if let amount = result.lines[index].amount { result.lines[index].notes.append(amount <= limit ? .finalAward : .notFinalAward) }
        }
        result.lines.append(LegalLine("final_award", check.value, formula: check.formula, Array(check.arguments.prefix(2)),
                                      cite: check.citations))
    }

    /// Runs a rule, turning its refusal of a fact into the form's error.
    private static func collect(_ facts: inout CalculatorFacts, _ body: () throws(FieldError) -> Void) throws {
        _ = facts.run(body)
        try facts.errors.throwIfAny()
    }
}
