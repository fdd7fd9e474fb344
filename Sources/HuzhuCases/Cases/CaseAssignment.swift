import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// A volunteer lawyer's confirmation, before first opening a case, that they have no conflict of
/// interest with its respondents (or their declining it). Assigning people is `Cases.assign`.
enum CaseAssignment {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.conflict(.parameter), use: show)
        routes.post(CasesRoute.conflict(.parameter), use: decide)
    }

    /// The confirmation page: only the case number and the respondents, nothing about the workers.
    static func show(_ request: Request) async throws -> Response {
        let access = try await request.access(try await request.findCase(try request.routeID()), confirmed: false)
        guard let assignment = access.assignment, assignment.conflictConfirmedAt == nil, !access.mayManage else {
            return request.redirect(to: CasesRoute.casePage(.of(access.case.id!)).path)
        }
        let links = try await CaseRespondent.query(on: request.db).filter(\.$caseID == access.case.requireID()).all()
        let employers = try await Employer.query(on: request.db).filter(\.$id ~~ links.map(\.employerID)).all()
        let t = request.t
        return request.page(t("conflict.title", access.case.number), .section(.class("card narrow"),
            .p(.text(t("conflict.explain"))),
            .h2(.text(t("case.respondents"))),
            .ul(.forEach(employers) { employer in
                .li(.text(employer.name), .unwrap(employer.creditCode) { .text(" · \($0)") })
            }),
            Forms.post(CasesRoute.conflict(.of(access.case.id!)).path, request.pageContext,
                .div(.class("actions"),
                     .button(.type(.submit), .name("decision"), .value("confirm"), .class("primary"), .text(t("conflict.confirm"))),
                     .text(" "),
                     .button(.type(.submit), .name("decision"), .value("decline"), .text(t("conflict.decline")))))))
    }

    static func decide(_ request: Request) async throws -> Response {
        let access = try await request.access(try await request.findCase(try request.routeID()), confirmed: false)
        guard let assignment = access.assignment, assignment.conflictConfirmedAt == nil else {
            throw HuzhuAbort(.conflict, "error.no_confirmation_pending")
        }
        let decision = try request.content.get(String?.self, at: "decision") ?? nil
        let found = access.case
        switch decision {
        case "confirm":
            try await CaseJournal.change(found, by: request) { journal in
                assignment.conflictConfirmedAt = request.application.clock.now()
                try await assignment.save(on: journal.db)
                try await journal.record(.assignment, request.t("conflict.confirmed_event"), ref: assignment.userID,
                                         audit: .confirmNoConflict)
            }
            return request.redirect(to: CasesRoute.casePage(.of(found.id!)).path)
        case "decline":
            try await CaseJournal.change(found, by: request) { journal in
                try await assignment.delete(on: journal.db)
                try await journal.record(.assignment, request.t("conflict.declined_event"), ref: assignment.userID,
                                         audit: .declineCase)
            }
            return request.redirect(to: CasesRoute.cases.path)
        default:
            throw HuzhuAbort(.unprocessableEntity, "error.choice_invalid")
        }
    }
}
