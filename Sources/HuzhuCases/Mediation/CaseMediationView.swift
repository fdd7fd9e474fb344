import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The case page's legal deadlines (with their owner and state) and its mediation: sessions,
/// agreements with their instalments, and the forms that record them.
enum CaseMediationView {
    static func deadlines(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let owner = model.assignees.first?.name ?? "—"
        return .section(.class("card"), .id("deadlines"), .h2(.text(t("deadlines.title"))),
            .if(model.mediation.deadlines.isEmpty, .p(.class("empty"), .text(t("deadlines.none")))),
            .if(!model.mediation.deadlines.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("calculator.item"))), .th(.text(t("deadlines.date"))), .th(.text(t("deadlines.state"))),
                           .th(.text(t("deadlines.owner"))), .th(.text(t("calculator.statute"))))),
                .tbody(.forEach(model.mediation.deadlines) { deadline in
                    .tr(.data(named: "item", value: deadline.line.item),
                        CasePeopleView.cell(t("calculator.item"), .text(t("law_item.\(deadline.line.item)"))),
                        CasePeopleView.cell(t("deadlines.date"), .text(LegalLineView.value(deadline.line, t))),
                        CasePeopleView.cell(t("deadlines.state"), .span(.class("status \(stateClass(deadline.state))"),
                                                                        .text(t("deadline_state.\(deadline.state.rawValue)")))),
                        CasePeopleView.cell(t("deadlines.owner"), .text(owner)),
                        CasePeopleView.cell(t("calculator.statute"), .text(LegalLineView.statute(deadline.line, t))))
                }))),
            .if(model.access.mayWork, form.action(t("deadlines.record_event"), CasesRoute.legalEvents(.of(model.case.id!)).path, page,
                .h3(.text(t("deadlines.record_event"))),
                Forms.select("legal_event", options: LegalEvent.allCases.map { ($0.rawValue, t("legal_event.\($0.rawValue)")) },
                             selected: form["legal_event"], errors: form.errors, t),
                Forms.text("event_on", value: form["event_on"] ?? model.today.description, errors: form.errors, t, type: .date),
                Forms.submit(t("deadlines.record_event")))))
    }

    static func stateClass(_ state: TrackedDeadline.State) -> String {
        switch state {
        case .open: "due"
        case .met: "done"
        case .missed: "overdue"
        case .notApplicable: "neutral"
        }
    }

    static func mediation(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let mediation = model.mediation
        let id = RouteID.of(model.case.id!)
        return .section(.class("card"), .id("mediation"), .h2(.text(t("mediation.title"))),
            .forEach(mediation.sessions) { session in
                .div(.class("session"),
                     .h3(.text("\(session.heldOn) · \(t("session_place.\(session.place.rawValue)"))"
                               + (session.address.map { " · \($0)" } ?? ""))),
                     .p(.text("\(t("field.mediators")): " + session.mediatorIDs.map { model.names[$0] ?? "—" }.joined(separator: "、"))),
                     .p(.class("prose"), .text(session.parties)),
                     .p(.class("prose"), .text(session.discussion)),
                     .p(.strong(.text(t("session_result.\(session.result.rawValue)")
                                      + (session.adjournedTo.map { " → \($0)" } ?? "")))))
            },
            .forEach(mediation.agreements) { line in agreement(line, model, t) },
            .if(model.access.mayWork && !mediation.mediators.isEmpty, sessionForm(model, form: form, page)),
            .if(model.access.mayWork && mediation.mediators.isEmpty, .p(.class("hint"), .text(t("mediation.no_mediators")))),
            .if(model.access.mayWork && !model.claims.isEmpty, agreementForm(model, form: form, page)),
            .p(.class("tools"),
               .a(.class("button"), .href(CasesRoute.document(id, "arbitration-application").path), .text(t("document.arbitration_application"))),
               .text(" "),
               .a(.class("button"), .href(CasesRoute.document(id, "lawyer-summary").path), .text(t("document.lawyer_summary")))))
    }

    private static func agreement(_ line: CaseMediation.AgreementLine, _ model: CasePageModel, _ t: Localizer) -> Node<HTML.BodyContext> {
        let claims = Dictionary(uniqueKeysWithValues: model.claims.map { ($0.id!, $0) })
        return .div(.class("agreement"), .id("agreement-\(line.agreement.number)"),
            .h3(.text("\(t("mediation.agreement")) \(line.agreement.number) · \(t("mediation.effective", line.agreement.effectiveOn.description))")),
            .ul(.forEach(line.terms) { term in
                .li(.text("\(claims[term.claimID].flatMap { model.workerName($0.workerID) } ?? "—") · "
                          + "\(claims[term.claimID].map { t("claim_head.\($0.head.rawValue)") } ?? "") · \(Money(fen: term.amountFen).formatted)"))
            }),
            .if(!line.instalments.isEmpty, .table(.class("stack instalments"),
                .thead(.tr(.th(.text(t("field.due_on"))), .th(.text(t("field.amount"))), .th(.text(t("ledger.paid"))),
                           .th(.text(t("deadlines.state"))))),
                .tbody(.forEach(line.instalments) { instalment in
                    .tr(.class("instalment \(instalment.state.rawValue)"),
                        CasePeopleView.cell(t("field.due_on"), .text(instalment.dueOn.description)),
                        CasePeopleView.cell(t("field.amount"), .text(instalment.amount.formatted)),
                        CasePeopleView.cell(t("ledger.paid"), .text(instalment.paid.formatted)),
                        CasePeopleView.cell(t("deadlines.state"), .span(
                            .class("status \(instalment.state == .overdue ? "overdue" : instalment.state == .paid ? "done" : "due")"),
                            .text(t("instalment_state.\(instalment.state.rawValue)")))))
                }))),
            .p(.a(.href(CasesRoute.document(.of(model.case.id!), "mediation-agreement").path + "?agreement=\(line.agreement.id!.uuidString.lowercased())"),
                  .text(t("document.mediation_agreement")))))
    }

    private static func sessionForm(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return form.action(t("mediation.record_session"), CasesRoute.sessions(.of(model.case.id!)).path, page,
            Forms.text("held_on", value: form["held_on"] ?? model.today.description, errors: form.errors, t, type: .date),
            Forms.radios("place", options: MediationSession.Place.allCases.map { ($0.rawValue, t("session_place.\($0.rawValue)")) },
                         selected: form["place"] ?? MediationSession.Place.office.rawValue, errors: form.errors, t),
            Forms.text("address", value: form["address"], errors: form.errors, t, required: false),
            Forms.checkboxes("mediators", options: model.mediation.mediators.map { ($0.userID.uuidString, model.names[$0.userID] ?? "—") },
                             checked: [], errors: form.errors, t),
            Forms.textarea("parties", value: form["parties"], errors: form.errors, t, rows: 3),
            Forms.textarea("discussion", value: form["discussion"], errors: form.errors, t, rows: 3),
            Forms.select("result", options: MediationSession.Result.allCases.map { ($0.rawValue, t("session_result.\($0.rawValue)")) },
                         selected: form["result"], errors: form.errors, t),
            Forms.text("adjourned_to", value: form["adjourned_to"], errors: form.errors, t, type: .date, required: false),
            Forms.submit(t("mediation.record_session")))
    }

    private static func agreementForm(_ model: CasePageModel, form: CaseForm, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return form.action(t("mediation.record_agreement"), CasesRoute.agreementsOfMediation(.of(model.case.id!)).path, page,
            Forms.select("session", options: model.mediation.sessions.map { ($0.id!.uuidString, $0.heldOn.description) },
                         selected: form["session"], errors: form.errors, t, required: false),
            Forms.textarea("agreement_parties", value: form["agreement_parties"], errors: form.errors, t, rows: 3),
            Forms.textarea("facts", value: form["facts"], errors: form.errors, t, rows: 3),
            Forms.textarea("terms", value: form["terms"], errors: form.errors, t, rows: 3),
            .element(named: "fieldset", nodes: [.class("field choices"),
                .element(named: "legend", nodes: [.text(t("mediation.term_amounts"))]),
                .forEach(model.claims) { claim in
                    let name = "term_\(claim.id!.uuidString)"
                    return .div(.class("field"),
                        .label(.for("field-\(name)"), .text("\(model.workerName(claim.workerID) ?? "—") · \(t("claim_head.\(claim.head.rawValue)"))"
                                                            + " (\(Money(fen: claim.claimedFen).formatted))")),
                        .input(.type(.text), .id("field-\(name)"), .name(name), .value((form[name] ?? "").attributeEscaped)),
                        .unwrap(form.errors.messageKey(for: name)) { .p(.class("error"), .text(t($0))) })
                }]),
            Forms.text("effective_on", value: form["effective_on"] ?? model.today.description, errors: form.errors, t, type: .date),
            Forms.textarea("schedule", value: form["schedule"], errors: form.errors, t, required: false, rows: 3),
            .p(.class("hint"), .text(t("mediation.schedule_hint"))),
            Forms.select("signed_file", options: model.files.map { ($0.id!.uuidString, model.fileNames[$0.id!] ?? "") },
                         selected: form["signed_file"], errors: form.errors, t, required: false),
            Forms.submit(t("mediation.record_agreement")))
    }
}
