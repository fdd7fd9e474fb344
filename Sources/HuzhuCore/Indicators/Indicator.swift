import Foundation

/// The network's ten standard service indicators (indicators.md), in their published order.
public enum Indicator: String, CaseIterable, Codable, Sendable {
    case humanInputHours = "human_input_hours"
    case hotlineCalls = "hotline_calls"
    case visits
    case onlineConsultations = "online_consultations"
    case casesAccepted = "cases_accepted"
    case mediationAgreements = "mediation_agreements"
    case workersRecoveringWages = "workers_recovering_wages"
    case amountRecoveredFen = "amount_recovered_fen"
    case directBeneficiaries = "direct_beneficiaries"
    case trainingParticipants = "training_participants"

    /// The version of the definitions the figures follow; a snapshot records it.
    public static let definitionVersion = 1

    public var isMoney: Bool { self == .amountRecoveredFen }

    /// Figures that exist only where people log them (hours): a period and scope with no such record
    /// has them "not recorded", not zero.
    public static let loggedByPeople: Set<Indicator> = [.humanInputHours]
}

/// A period of the indicators: from its first day to the day after its last, in Beijing.
public struct IndicatorPeriod: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable { case day, month, quarter, year, custom }

    public let kind: Kind
    public let from: CalendarDate
    /// The day after the period's last day.
    public let to: CalendarDate

    public init(kind: Kind, from: CalendarDate, to: CalendarDate) throws(FieldError) {
        guard from < to else { throw FieldError("to", "error.end_before_start") }
        guard from.days(until: to) <= 3_700 else { throw FieldError("to", "error.period_too_long") }
        self.kind = kind
        self.from = from
        self.to = to
    }

    public static func month(_ year: Int, _ month: Int) -> IndicatorPeriod {
        let start = CalendarDate(year: year, month: month, day: 1)!
        return try! IndicatorPeriod(kind: .month, from: start, to: start.adding(months: 1))
    }

    public static func year(_ year: Int) -> IndicatorPeriod {
        let start = CalendarDate(year: year, month: 1, day: 1)!
        return try! IndicatorPeriod(kind: .year, from: start, to: start.adding(years: 1))
    }

    public static func quarter(_ year: Int, _ quarter: Int) -> IndicatorPeriod {
        let start = CalendarDate(year: year, month: (quarter - 1) * 3 + 1, day: 1)!
        return try! IndicatorPeriod(kind: .quarter, from: start, to: start.adding(months: 3))
    }

    public static func day(_ date: CalendarDate) -> IndicatorPeriod {
        try! IndicatorPeriod(kind: .day, from: date, to: date.adding(days: 1))
    }

    /// `2026-11`, `2026-Q4`, `2026`, `2026-11-23`, or `2026-11-01..2026-11-30`.
    public var label: String {
        switch kind {
        case .month: String(from.description.prefix(7))
        case .quarter: "\(from.year)-Q\((from.month - 1) / 3 + 1)"
        case .year: String(from.year)
        case .day: from.description
        case .custom: "\(from)..\(to.adding(days: -1))"
        }
    }

    /// The twelve months ending with the one `date` falls in, oldest first.
    public static func twelveMonths(endingWith date: CalendarDate) -> [IndicatorPeriod] {
        (0..<12).reversed().map { back in
            let start = CalendarDate(year: date.year, month: date.month, day: 1)!.adding(months: -back)
            return month(start.year, start.month)
        }
    }
}

/// The ten figures of one scope and period, and their canonical form: a JSON object with sorted keys,
/// integers only, no spaces, which is what a snapshot's SHA-256 digest is taken of.
public struct IndicatorFigures: Equatable, Codable, Sendable {
    public private(set) var values: [Indicator: Int64]
    /// Figures of `Indicator.loggedByPeople` for which no record exists: shown as "not recorded". A
    /// snapshot's canonical text names them (`"unrecorded":[…]`) only when there are any, so snapshots
    /// published before this existed keep their text and digest, and say what they said.
    public var unrecorded: Set<Indicator> = []

    public init(_ values: [Indicator: Int64] = [:], unrecorded: Set<Indicator> = []) {
        self.values = Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0, values[$0] ?? 0) })
        self.unrecorded = unrecorded
    }

    public subscript(_ indicator: Indicator) -> Int64 {
        get { values[indicator] ?? 0 }
        set { values[indicator] = newValue }
    }

    /// The canonical serialisation of a snapshot: its figures, period, scope and definition version.
    public func canonical(period: IndicatorPeriod, scope: String, version: Int = Indicator.definitionVersion) -> String {
        var fields: [(String, String)] = Indicator.allCases.map { ($0.rawValue, String(self[$0])) }
        fields += [("definition_version", String(version)), ("period_from", quoted(period.from.description)),
                   ("period_to", quoted(period.to.description)), ("scope", quoted(scope))]
        if !unrecorded.isEmpty {
            fields.append(("unrecorded", "[" + unrecorded.map { quoted($0.rawValue) }.sorted().joined(separator: ",") + "]"))
        }
        return "{" + fields.sorted { $0.0 < $1.0 }.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case _ where scalar.value < 0x20: String(format: "\\u%04x", scalar.value)
            default: String(scalar)
            }
        }.joined() + "\""
    }
}
