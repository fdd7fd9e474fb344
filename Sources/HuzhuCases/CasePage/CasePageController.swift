import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// One case's page (an audited read) and every form on it. A rejected form shows the page again with
/// its errors and changes nothing.
enum CasePageController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.casePage(.parameter), use: show)
        routes.post(CasesRoute.status(.parameter)) { request in
            try await act(request, anchor: "summary") { access in
                try await Cases.move(try request.content.decode(StatusInput.self).command, access.case, in: try request.workContext())
            }
        }
        routes.post(CasesRoute.approval(.parameter)) { request in
            try await act(request, anchor: "summary") { access in
                try await Cases.decideClosing(try request.content.decode(ApprovalInput.self).command, on: access.case, in: try request.workContext())
            }
        }
        routes.post(CasesRoute.notes(.parameter)) { request in
            try await act(request, anchor: "timeline") { access in
                try await Cases.note(try request.content.decode(NoteInput.self).command, on: access.case, in: try request.workContext())
            }
        }
        routes.post(CasesRoute.caseContacts(.parameter)) { request in
            try await act(request, manage: true, anchor: "timeline") { access in
                try await Cases.link(contactNumber: request.content.get(String?.self, at: "contact_number") ?? nil, to: access.case,
                                     in: try request.workContext())
            }
        }
        routes.post(CasesRoute.caseWorkers(.parameter)) { request in
            try await act(request, manage: true, anchor: "workers") { access in
                let roster = try RosterLine.parse(request.content.get(String?.self, at: "roster") ?? "", field: "roster")
                guard !roster.isEmpty else { throw ValidationErrors([FieldError("roster", "error.required")]) }
                try await CaseJournal.change(access.case, by: request) { try await CaseRoster(journal: $0).enrol(roster) }
            }
        }
        routes.post(CasesRoute.respondents(.parameter)) { request in
            try await act(request, manage: true, anchor: "respondents") { access in
                var draft = CaseDraft()
                draft.respondent_name = try request.content.get(String?.self, at: "respondent_name") ?? nil
                draft.respondent_role = try request.content.get(String?.self, at: "respondent_role") ?? nil
                guard let respondent = try draft.validateOpening().respondent else {
                    throw ValidationErrors([FieldError("respondent_name", "error.required")])
                }
                try await CaseJournal.change(access.case, by: request) {
                    try await CaseRoster(journal: $0).addRespondent(named: respondent.name, role: respondent.role)
                }
            }
        }
        routes.post(CasesRoute.assignees(.parameter)) { request in
            try await act(request, manage: true, anchor: "assignees") { access in
                let user = (try request.content.get(String?.self, at: "assignee") ?? nil).flatMap(UUID.init(uuidString:))
                try await Cases.assign(user, to: access.case, conflicts: request.application.assignmentConflictChecks,
                                       in: try request.workContext())
            }
        }
        routes.post(CasesRoute.claims(.parameter)) { request in
            try await act(request, anchor: "ledger") { access in
                try await Cases.addClaim(try request.content.decode(ClaimInput.self).command, to: access.case, in: try request.workContext())
            }
        }
        routes.post(CasesRoute.agreements(.parameter)) { request in
            try await act(request, anchor: "ledger") { access in
                try await Cases.agree(try request.content.decode(AgreementInput.self).command, on: access.case, in: try request.workContext())
            }
        }
        routes.post(CasesRoute.legalEvents(.parameter)) { request in
            try await act(request, anchor: "deadlines") { access in
                var command = RecordLegalEvent(event: (try request.content.get(String?.self, at: "legal_event") ?? nil)
                    .flatMap(LegalEvent.init(rawValue:)))
                let on = try request.content.get(String?.self, at: "event_on") ?? nil
                command.on = command.unread.check { () throws(FieldError) in try CaseInput.date(on, field: "event_on") } ?? nil
                try await Cases.recordLegalEvent(command, on: access.case, in: try request.workContext())
            }
        }
        routes.post(CasesRoute.sessions(.parameter)) { request in
            try await act(request, anchor: "mediation") { access in
                try await Cases.recordSession(try request.content.decode(SessionInput.self).command, on: access.case, in: try request.workContext())
            }
        }
        routes.post(CasesRoute.agreementsOfMediation(.parameter)) { request in
            try await act(request, anchor: "mediation") { access in
                let command = try request.content.decode(MediationAgreementInput.self).command(fields: request.typedForm)
                try await Cases.recordAgreement(command, on: access.case, in: try request.workContext())
            }
        }
        routes.post(CasesRoute.payments(.parameter)) { request in
            try await act(request, anchor: "ledger") { access in
                try await Cases.pay(try request.content.decode(PaymentInput.self).command, on: access.case, in: try request.workContext())
            }
        }
        routes.post(CasesRoute.reversals(.parameter)) { request in
            try await act(request, anchor: "ledger") { access in
                try await Cases.reverse(try request.content.decode(ReversalInput.self).command, on: access.case, in: try request.workContext())
            }
        }
    }

    static func show(_ request: Request) async throws -> Response {
        do {
            let access = try await request.readCase()
            return try await render(access, request, form: .blank, status: .ok)
        } catch let abort as HuzhuAbort where abort.messageKey == CaseAccess.conflictUnconfirmed {
            return request.redirect(to: CasesRoute.conflict(.of(try request.routeID())).path)
        }
    }

    static func render(_ access: CaseAccess, _ request: Request, form: CaseForm,
                       status: HTTPResponseStatus) async throws -> Response {
        let found = access.case
        let model = try await CasePageQuery.load(
            access, group: request.query[String.self, at: "timeline"],
            mayApprove: request.may(.approveClosings, in: access.scope),
            mayReadWorkers: request.may(.readWorkers, in: .ngo(found.ngoID)),
            mayReadEmployers: request.may(.manageEmployers, in: .ngo(found.ngoID)), today: request.today,
            cipher: request.application.fieldCipher, on: request.db)
        let page = request.pageContext
        return request.page("\(found.number) · \(model.caseTitle)", status: status, .group(
            Forms.errorSummary(form.errors, page.t),
            CaseHeaderView.render(model, page.t),
            CaseSummaryView.render(model, form: form, page),
            CasePeopleView.workers(model, form: form, page),
            CaseMediationView.deadlines(model, form: form, page),
            CaseLedgerView.render(model, form: form, page),
            CaseMediationView.mediation(model, form: form, page),
            CasePeopleView.respondents(model, form: form, page),
            CasePeopleView.assignees(model, form: form, page),
            CaseRecordsView.files(model, form: form, page),
            CaseRecordsView.timeline(model, form: form, page)))
    }

    /// A form on the case page: checks who may, runs the change, and goes back to the page's section.
    private static func act(_ request: Request, manage: Bool = false, anchor: String,
                            _ change: (CaseAccess) async throws -> Void) async throws -> Response {
        let access = try await request.workCase(manage: manage)
        do {
            try await change(access)
        } catch let errors as ValidationErrors {
            return try await refused(access, request, errors)
        }
        return request.redirect(to: CasesRoute.casePage(.of(access.case.id!)).path + "#" + anchor)
    }

    /// The page again with a refused form's errors and what was typed in it.
    static func refused(_ access: CaseAccess, _ request: Request, _ errors: ValidationErrors) async throws -> Response {
        let typed = request.typedForm
        return try await render(access, request, form: CaseForm(errors: errors, typed: typed, posted: request.url.path),
                                status: .unprocessableEntity)
    }
}
