import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// The casework card on the home page: the person's open cases, how many are past their next step,
/// and, for those who approve closings, the closings waiting in their office.
enum CasesHomePanel {
    static func render(_ request: Request, _ actor: Actor) async throws -> Node<HTML.BodyContext>? {
        let scope = Policy.ownScope(of: actor)
        guard request.may(.readCases, in: scope) || request.may(.workAssignedCases, in: scope),
              actor.role.reach != .network else { return nil }
        let t = request.t
        let today = request.today.description
        let mine = try await Case.query(on: request.db).filter(\.$ngoID == actor.ngoID ?? UUID()).filter(\.$status != .closed)
            .join(CaseAssignee.self, on: \Case.$id == \CaseAssignee.$caseID)
            .filter(CaseAssignee.self, \.$userID == actor.userID).all()
        let overdue = mine.filter { ($0.nextActionOn ?? today) < today }.count
        var pending = 0
        if request.may(.approveClosings, in: scope) {
            let query = Case.query(on: request.db).filter(\.$ngoID == actor.ngoID ?? UUID()).filter(\.$pendingClosingCode != nil)
            if actor.role.reach == .office { query.filter(\.$officeID == actor.officeID ?? UUID()) }
            pending = try await query.count()
        }
        return .section(.class("card"),
            .h2(.text(t("cases.title"))),
            .p(.a(.href(queryLink(CasesRoute.cases.path, [("view", "mine")])), .text(t("home.my_cases", String(mine.count))))),
            .if(overdue > 0, .p(.a(.href(queryLink(CasesRoute.cases.path, [("view", "overdue")])),
                                    .span(.class("status overdue"), .text(t("home.cases_overdue", String(overdue))))))),
            .if(pending > 0, .p(.span(.class("status due"), .text(t("home.closings_pending", String(pending)))))))
    }
}
