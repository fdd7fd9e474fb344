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
        let caseID = try found.requireID()
        let sessions = try await MediationSession.query(on: db).filter(\.$caseID == caseID).sort(\.$heldOn, .descending).all()
        let agreements = try await MediationAgreement.query(on: db).filter(\.$caseID == caseID).sort(\.$effectiveOn).all()
        let ids = agreements.compactMap(\.id)
        let terms = ids.isEmpty ? [] : try await AgreementTerm.query(on: db).filter(\.$agreementID ~~ ids).all()
        let instalments = try await Instalment.query(on: db).filter(\.$caseID == caseID).all()
        let legal = try await CaseEvent.query(on: db).filter(\.$caseID == caseID).filter(\.$kind == .legal).all()
        let mediators = try await Mediator.query(on: db).filter(\.$officeID == found.officeID).filter(\.$endedOn == nil).all()
        let lines = agreements.map { agreement in
            let own = terms.filter { $0.agreementID == agreement.id }
            let covered = Set(own.map(\.claimID))
            let received = payments.filter { covered.contains($0.claimID) && $0.paidOn >= agreement.effectiveOn }
                .reduce(0) { $0 + $1.amountFen }
            let schedule = instalments.filter { $0.agreementID == agreement.id }.compactMap { instalment in
                CalendarDate(iso: instalment.dueOn).map { Instalments.Due(id: instalment.id!, dueOn: $0, amount: Money(fen: instalment.amountFen)) }
            }
            return AgreementLine(agreement: agreement, terms: own,
                                 instalments: Instalments.match(schedule, received: Money(fen: received), today: today))
        }
        var facts = CaseDeadlines.Facts()
        facts.knewOn = found.knewOn.flatMap(CalendarDate.init(iso:))
        facts.employmentEnded = found.employmentEnd.flatMap(CalendarDate.init(iso:))
        facts.wageArrears = found.disputeTypes.contains(.wageArrears)
        facts.injuryOn = found.injuryOn.flatMap(CalendarDate.init(iso:))
        facts.events = legal.compactMap { event in
            guard let kind = event.legalEvent, let on = event.effectiveOn.flatMap(CalendarDate.init(iso:)) else { return nil }
            return (kind, on)
        }
        facts.agreements = agreements.compactMap { agreement in
            CalendarDate(iso: agreement.effectiveOn).map { (agreement.id!, $0) }
        }
        return CaseMediation(sessions: sessions, agreements: lines, deadlines: CaseDeadlines.compute(facts, today: today),
                             mediators: mediators)
    }
}
