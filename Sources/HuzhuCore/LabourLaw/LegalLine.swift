/// The laws the calculator cites (see labor-law.md for the abbreviations).
public enum Law: String, CaseIterable, Codable, Sendable {
    case lcl, lclIR = "lcl_ir", ll, ldmal, wiir, pml, socialInsuranceLaw = "sil", mohrss2008 = "mohrss_2008_3"
    case spcInterpretation1 = "spc_interpretation_1"
}

/// A law and the articles of it a result rests on.
public struct Citation: Equatable, Codable, Sendable {
    public let law: Law
    public let articles: [String]

    public init(_ law: Law, _ articles: String...) {
        self.law = law
        self.articles = articles
    }
}

/// Something the law treats specially about the facts given, shown beside the result it concerns.
public enum LawNote: String, CaseIterable, Codable, Sendable {
    /// Service before 2008-01-01 may follow earlier rules (LCL 97): counted here as if not, to be checked.
    case serviceBefore2008 = "service_before_2008"
    case wageCapped = "wage_capped"
    case wageRaisedToMinimum = "wage_raised_to_minimum"
    /// No local average wage is on record for the date, so the 3x cap could not be checked.
    case capNotChecked = "cap_not_checked"
    case overtimeAboveCeiling = "overtime_above_ceiling"
    case openEndedDeemed = "open_ended_deemed"
    case injuryWageClamped = "injury_wage_clamped"
    case surchargePrecondition = "surcharge_precondition"
    case finalAward = "final_award"
    case notFinalAward = "not_final_award"
    case noLimitWhileEmployed = "no_limit_while_employed"
    /// A claim filed on the day given is within the limitation period, or past it, or past it for the
    /// earliest months only (month-by-month double wages).
    case timely, barred
    case partlyBarred = "partly_barred"
    /// The local average wage for the date is not on record: this figure cannot be computed.
    case needsLocalAverageWage = "needs_local_average_wage"
}

/// One line of a calculation: what it is, its amount (or range, or date), the working with the numbers
/// filled in (a catalogue key and its arguments, so it reads in the user's language), and its statute.
public struct LegalLine: Equatable, Codable, Sendable {
    public enum Value: Equatable, Codable, Sendable {
        case money(Money)
        case range(Money, Money)
        case date(CalendarDate)
        /// A period that does not run yet (wage arrears while still employed).
        case open
        /// A figure that cannot be computed from what is on record (its notes say what is missing).
        case unavailable
    }

    /// The item's name under `law_item.` in the catalogues (`economic_compensation`).
    public let item: String
    public let value: Value
    /// The working's template under `formula.` in the catalogues, and the numbers that fill it.
    public let formula: String
    public let arguments: [String]
    public let citations: [Citation]
    public var notes: [LawNote]

    public init(_ item: String, _ value: Value, formula: String, _ arguments: [String], cite citations: [Citation],
                notes: [LawNote] = []) {
        self.item = item
        self.value = value
        self.formula = formula
        self.arguments = arguments
        self.citations = citations
        self.notes = notes
    }

    public var amount: Money? {
        if case .money(let money) = value { return money }
        return nil
    }

    public var date: CalendarDate? {
        if case .date(let date) = value { return date }
        return nil
    }
}

extension Money {
    /// `numerator / denominator` fen, rounded once, half up (amounts here are never negative).
    static func rounding(_ numerator: Int64, over denominator: Int64) -> Money {
        Money(fen: (2 * numerator + denominator) / (2 * denominator))
    }

    static func * (money: Money, factor: Int64) -> Money { Money(fen: money.fen * factor) }
}
