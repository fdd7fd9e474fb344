import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform

/// A case's mediation and legal follow-through, as its page and the reminders need it: sessions,
/// agreements with their terms and the instalments matched against payments, and the tracked deadlines.
struct CaseMediation {
    struct AgreementLine {
        let agreement: MediationAgreement
        let terms: [AgreementTerm]
        let instalments: [Instalments.Match]
    }

    let sessions: [MediationSession]
    let agreements: [AgreementLine]
    let deadlines: [TrackedDeadline]
    /// The office's mediators in office, for the session form.
    let mediators: [Mediator]

    /// Loads it for one case in a fixed number of queries; `payments` are the ledger's.
    static func load(_ found: Case, payments: [Payment], today: CalendarDate,
                     on db: any Database) async throws -> CaseMediation {
        try await load([found], payments: payments, today: today, on: db)[try found.requireID()]!
    }

    /// Loads it for many cases at once, in a fixed number of queries for each thousand cases; `payments`
    /// are their ledgers' (any order).
    static func load(_ cases: [Case], payments: [Payment], today: CalendarDate,
                     on db: any Database) async throws -> [UUID: CaseMediation] {
        var sessions: [MediationSession] = [], agreements: [MediationAgreement] = []
        var terms: [AgreementTerm] = [], instalments: [Instalment] = [], legal: [CaseEvent] = []
        for chunk in cases.compactMap(\.id).chunks(of: 1000) {
            let ids = Array(chunk)
            sessions += try await MediationSession.query(on: db).filter(\.$caseID ~~ ids).sort(\.$heldOn, .descending).all()
            let found = try await MediationAgreement.query(on: db).filter(\.$caseID ~~ ids).sort(\.$effectiveOn).all()
            agreements += found
            if !found.isEmpty { terms += try await AgreementTerm.query(on: db).filter(\.$agreementID ~~ found.compactMap(\.id)).all() }
            instalments += try await Instalment.query(on: db).filter(\.$caseID ~~ ids).all()
            legal += try await CaseEvent.query(on: db).filter(\.$caseID ~~ ids).filter(\.$kind == .legal).all()
        }
        let offices = Array(Set(cases.map(\.officeID)))
        let mediators = try await Mediator.query(on: db).filter(\.$officeID ~~ offices).filter(\.$endedOn == nil).all()
        let sessionsOf = Dictionary(grouping: sessions, by: \.caseID), agreementsOf = Dictionary(grouping: agreements, by: \.caseID)
        let termsOf = Dictionary(grouping: terms, by: \.agreementID), instalmentsOf = Dictionary(grouping: instalments, by: \.agreementID)
        let legalOf = Dictionary(grouping: legal, by: \.caseID), paymentsOf = Dictionary(grouping: payments, by: \.caseID)
        let mediatorsOf = Dictionary(grouping: mediators, by: \.officeID)
        var loaded: [UUID: CaseMediation] = [:]
        for found in cases {
            let id = try found.requireID()
            loaded[id] = mediation(of: found, sessions: sessionsOf[id] ?? [], agreements: agreementsOf[id] ?? [],
                                   terms: termsOf, instalments: instalmentsOf, legal: legalOf[id] ?? [],
                                   payments: paymentsOf[id] ?? [], mediators: mediatorsOf[found.officeID] ?? [], today: today)
        }
        return loaded
    }

    private static func mediation(of found: Case, sessions: [MediationSession], agreements: [MediationAgreement],
                                  terms: [UUID: [AgreementTerm]], instalments: [UUID: [Instalment]], legal: [CaseEvent],
                                  payments: [Payment], mediators: [Mediator], today: CalendarDate) -> CaseMediation {
        let lines = agreements.map { agreement in
            let own = terms[agreement.id!] ?? []
            let covered = Set(own.map(\.claimID))
            let received = payments.filter { covered.contains($0.claimID) && $0.paidOn >= agreement.effectiveOn }
                .reduce(0) { $0 + $1.amountFen }
            let schedule = (instalments[agreement.id!] ?? []).map { instalment in
                Instalments.Due(id: instalment.id!, dueOn: instalment.dueOn, amount: Money(fen: instalment.amountFen))
            }
            return AgreementLine(agreement: agreement, terms: own,
                                 instalments: Instalments.match(schedule, received: Money(fen: received), today: today))
        }
        var facts = CaseDeadlines.Facts()
        facts.knewOn = found.knewOn
        facts.employmentEnded = found.employmentEnd
        facts.wageArrears = found.disputeTypes.contains(.wageArrears)
        facts.injuryOn = found.injuryOn
        facts.events = legal.compactMap { event in
            guard let kind = event.legalEvent, let on = event.effectiveOn else { return nil }
            return (kind, on)
        }
        facts.agreements = agreements.map { (id: $0.id!, effectiveOn: $0.effectiveOn) }
        return CaseMediation(sessions: sessions, agreements: lines, deadlines: CaseDeadlines.compute(facts, today: today),
                             mediators: mediators)
    }
}
