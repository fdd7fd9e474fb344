import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The committee's register for a period: its sessions and agreements, how many sessions ended in an
/// agreement, and the amounts agreed against those paid.
struct MediationRegister {
    let sessions: [MediationSession]
    let agreements: [MediationAgreement]
    let agreed: Money
    let paid: Money
    let numbers: [UUID: String]

    /// Sessions that ended (not adjourned) and of those, the ones that reached an agreement (in full or in part).
    var concluded: Int { sessions.filter { $0.result != .adjourned }.count }
    var succeeded: Int { sessions.filter { $0.result == .agreement || $0.result == .partial }.count }

    static func load(office: UUID, from: CalendarDate, to: CalendarDate, on db: any Database) async throws -> MediationRegister {
        let caseIDs = try await Case.query(on: db).filter(\.$officeID == office).all().compactMap(\.id)
        guard !caseIDs.isEmpty else { return MediationRegister(sessions: [], agreements: [], agreed: Money(fen: 0), paid: Money(fen: 0), numbers: [:]) }
        let sessions = try await MediationSession.query(on: db).filter(\.$caseID ~~ caseIDs)
            .filter(\.$heldOn >= from).filter(\.$heldOn <= to).sort(\.$heldOn).all()
        let agreements = try await MediationAgreement.query(on: db).filter(\.$caseID ~~ caseIDs)
            .filter(\.$effectiveOn >= from).filter(\.$effectiveOn <= to).sort(\.$effectiveOn).all()
        let terms = agreements.isEmpty ? [] : try await AgreementTerm.query(on: db).filter(\.$agreementID ~~ agreements.compactMap(\.id)).all()
        let payments = terms.isEmpty ? [] : try await Payment.query(on: db).filter(\.$claimID ~~ terms.map(\.claimID)).all()
        let effective = Dictionary(uniqueKeysWithValues: agreements.map { ($0.id!, $0.effectiveOn) })
        let claimSince = Dictionary(terms.compactMap { term in effective[term.agreementID].map { (term.claimID, $0) } }) { min($0, $1) }
        let paid = payments.filter { payment in claimSince[payment.claimID].map { payment.paidOn >= $0 } ?? true }.reduce(0) { $0 + $1.amountFen }
        let cases = try await Case.query(on: db).filter(\.$id ~~ Array(Set(sessions.map(\.caseID) + agreements.map(\.caseID)))).all()
        return MediationRegister(sessions: sessions, agreements: agreements, agreed: Money(fen: terms.reduce(0) { $0 + $1.amountFen }),
                                 paid: Money(fen: paid), numbers: Dictionary(uniqueKeysWithValues: cases.map { ($0.id!, $0.number) }))
    }

    static func render(_ register: MediationRegister, from: CalendarDate, to: CalendarDate, _ t: Localizer) -> Node<HTML.BodyContext> {
        let rate = register.concluded == 0 ? "—" : "\(register.succeeded * 100 / register.concluded)%"
        return .section(.class("card"), .id("register"), .h2(.text(t("mediation.register"))),
            .form(.class("filters"), .method(.get), .action(CasesRoute.mediation.path),
                  Forms.text("from", value: from.description, errors: ValidationErrors(), t, type: .date),
                  Forms.text("to", value: to.description, errors: ValidationErrors(), t, type: .date),
                  .div(.class("actions"), .button(.type(.submit), .text(t("list.filter"))))),
            .dl(t.detail("mediation.sessions_count", String(register.sessions.count)),
                t.detail("mediation.success_rate", "\(rate) (\(register.succeeded)/\(register.concluded))"),
                t.detail("mediation.agreements_count", String(register.agreements.count)),
                t.detail("mediation.agreed_total", register.agreed.formatted),
                t.detail("mediation.paid_total", register.paid.formatted)),
            .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.held_on"))), .th(.text(t("field.case_number"))), .th(.text(t("field.result"))))),
                .tbody(.forEach(register.sessions) { session in
                    .tr(.td(.text(session.heldOn.description)),
                        .td(.a(.href(CasesRoute.casePage(.of(session.caseID)).path), .text(register.numbers[session.caseID] ?? "—"))),
                        .td(.text(t("session_result.\(session.result.rawValue)"))))
                })))
    }
}
