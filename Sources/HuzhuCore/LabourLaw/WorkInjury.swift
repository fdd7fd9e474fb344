/// Work-injury benefits (WIIR 35-39, 64) that the calculator can state from the facts: the one-time
/// disability subsidy by grade, and the death benefits. Provincial one-time medical and employment
/// subsidies are local parameters this calculator does not hold yet.
public enum WorkInjury {
    /// Months of wage of the one-time disability subsidy, grades 1 to 10.
    public static let subsidyMonths = [27, 25, 23, 21, 18, 16, 13, 11, 9, 7]

    /// The worker's wage for benefits: their average of the 12 months before the injury, held between
    /// 60% and 300% of the area's average monthly wage.
    static func benefitWage(_ wage: Money, areaAverage: Money) -> (Money, clamped: Bool) {
        let low = Money.rounding(areaAverage.fen * 60, over: 100)
        let high = areaAverage * 3
        if wage < low { return (low, true) }
        if wage > high { return (high, true) }
        return (wage, false)
    }

    public static func disabilitySubsidy(grade: Int, averageWage: Money, areaAverage: Money) throws(FieldError) -> LegalLine {
        guard (1...10).contains(grade) else { throw FieldError("grade", "error.injury_grade") }
        guard averageWage.fen > 0 else { throw FieldError("average_wage", "error.money_positive") }
        let (wage, clamped) = benefitWage(averageWage, areaAverage: areaAverage)
        let months = subsidyMonths[grade - 1]
        let amount = wage * Int64(months)
        return LegalLine("disability_subsidy", .money(amount), formula: "disability_subsidy",
                         [String(grade), String(months), wage.formatted, amount.formatted],
                         cite: [Citation(.wiir, "35", "36", "37", "64")], notes: clamped ? [.injuryWageClamped] : [])
    }

    /// The lump sum (20x the previous year's national urban per-capita disposable income) and the funeral
    /// subsidy (6 months of the area's average monthly wage).
    /// Without the local average wage on record, the funeral subsidy is marked as not computable; the
    /// lump sum needs only the national figure.
    public static func death(nationalIncome: Money, areaAverage: Money?) -> [LegalLine] {
        let lump = nationalIncome * 20
        let funeral = areaAverage.map {
            LegalLine("funeral_subsidy", .money($0 * 6), formula: "funeral_subsidy", [$0.formatted, ($0 * 6).formatted],
                      cite: [Citation(.wiir, "39")])
        } ?? LegalLine("funeral_subsidy", .unavailable, formula: "funeral_subsidy_unavailable", [], cite: [Citation(.wiir, "39")],
                       notes: [.needsLocalAverageWage])
        return [
            LegalLine("death_lump_sum", .money(lump), formula: "death_lump_sum", [nationalIncome.formatted, lump.formatted],
                      cite: [Citation(.wiir, "39")]),
            funeral,
        ]
    }
}

/// What an arrears claim may add or how far it may go: the LCL 85 surcharge range, and whether an
/// arbitration award on an item would be final (LDMAL 47).
public enum ArrearsRules {
    /// 50% to 100% of what is owed, when the employer ignores a labour inspection order to pay.
    public static func surcharge(owed: Money) -> LegalLine {
        let low = Money.rounding(owed.fen, over: 2)
        return LegalLine("arrears_surcharge", .range(low, owed), formula: "arrears_surcharge",
                         [owed.formatted, low.formatted, owed.formatted], cite: [Citation(.lcl, "85")],
                         notes: [.surchargePrecondition])
    }

    /// Whether an award on an item of this amount is final: not above 12 months of the local minimum wage.
    public static func finalAward(item amount: Money, minimumWage: Money) -> LegalLine {
        let limit = minimumWage * 12
        return LegalLine("final_award", .money(limit), formula: "final_award", [minimumWage.formatted, limit.formatted,
                                                                               amount.formatted],
                         cite: [Citation(.ldmal, "47"), Citation(.spcInterpretation1, "19")],
                         notes: [amount <= limit ? .finalAward : .notFinalAward])
    }
}
