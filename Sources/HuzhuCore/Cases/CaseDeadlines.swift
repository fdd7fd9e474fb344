import Foundation

/// Something with legal effect that happened in a case, recorded with its date so the deadlines can be
/// computed from it.
public enum LegalEvent: String, CaseIterable, Codable, Sendable {
    /// Interruptions of the limitation period (LDMAL 27): the period starts again from them.
    case demandToEmployer = "demand_to_employer", complaintToAuthority = "complaint_to_authority"
    case employerAgreedToPay = "employer_agreed_to_pay"
    case mediationApplied = "mediation_applied"
    case arbitrationApplied = "arbitration_applied", arbitrationAccepted = "arbitration_accepted"
    case awardReceived = "award_received", lawsuitFiled = "lawsuit_filed"
    case confirmationApplied = "confirmation_applied"
    case injuryApplicationFiled = "injury_application_filed"

    public static let interruptions: Set<LegalEvent> = [.demandToEmployer, .complaintToAuthority, .employerAgreedToPay]
}

/// A legal deadline of a case and where it stands.
public struct TrackedDeadline: Sendable, Equatable {
    public enum State: String, Sendable, Equatable, CaseIterable {
        case open, met, missed, notApplicable = "not_applicable"
    }

    public let line: LegalLine
    public let state: State
    /// The agreement it belongs to, for a judicial-confirmation window.
    public let agreementID: UUID?

    public var date: CalendarDate? { line.date }
}

/// The deadlines of one case, computed by the labour-law engine from its dates and its legal events.
public enum CaseDeadlines {
    public struct Facts: Sendable {
        public var knewOn: CalendarDate?
        public var employmentEnded: CalendarDate?
        public var wageArrears = false
        public var injuryOn: CalendarDate?
        public var events: [(LegalEvent, CalendarDate)] = []
        /// Each people's mediation agreement and the day it took effect.
        public var agreements: [(id: UUID, effectiveOn: CalendarDate)] = []

        public init() {}
    }

    public static func compute(_ facts: Facts, today: CalendarDate) -> [TrackedDeadline] {
        func first(_ kind: LegalEvent) -> CalendarDate? { facts.events.filter { $0.0 == kind }.map(\.1).min() }
        func state(_ line: LegalLine, metBy: CalendarDate?) -> TrackedDeadline.State {
            guard let date = line.date else { return .notApplicable }
            if let metBy, metBy <= date { return .met }
            return date < today ? .missed : .open
        }
        var result: [TrackedDeadline] = []
        let arbitration = first(.arbitrationApplied)
        if let knew = facts.knewOn ?? (facts.wageArrears ? facts.employmentEnded : nil) {
            let interruptions = facts.events.filter { LegalEvent.interruptions.contains($0.0) }.map(\.1)
            let line = Deadlines.limitation(knewOn: knew, interruptions: interruptions, wageArrears: facts.wageArrears,
                                            employmentEnded: facts.employmentEnded,
                                            stillEmployed: facts.wageArrears && facts.employmentEnded == nil)
            result.append(TrackedDeadline(line: line, state: line.value == .open ? .open : state(line, metBy: arbitration),
                                          agreementID: nil))
        }
        if let applied = first(.mediationApplied) {
            let line = Deadlines.mediation(appliedOn: applied)
            result.append(TrackedDeadline(line: line, state: line.date! < today || arbitration != nil ? .met : .open, agreementID: nil))
        }
        if let accepted = first(.arbitrationAccepted) {
            let line = Deadlines.award(acceptedOn: accepted, extended: false)
            result.append(TrackedDeadline(line: line, state: state(line, metBy: first(.awardReceived)), agreementID: nil))
        }
        if let received = first(.awardReceived) {
            let line = Deadlines.afterAward(receivedOn: received)[0]
            result.append(TrackedDeadline(line: line, state: state(line, metBy: first(.lawsuitFiled)), agreementID: nil))
        }
        let confirmations = facts.events.filter { $0.0 == .confirmationApplied }.map(\.1)
        for agreement in facts.agreements {
            let line = Deadlines.judicialConfirmation(agreementEffectiveOn: agreement.effectiveOn)
            let applied = confirmations.filter { $0 >= agreement.effectiveOn }.min()
            result.append(TrackedDeadline(line: line, state: state(line, metBy: applied), agreementID: agreement.id))
        }
        if let injured = facts.injuryOn {
            for line in Deadlines.injuryRecognition(injuredOn: injured) {
                result.append(TrackedDeadline(line: line, state: state(line, metBy: first(.injuryApplicationFiled)), agreementID: nil))
            }
        }
        return result
    }
}
