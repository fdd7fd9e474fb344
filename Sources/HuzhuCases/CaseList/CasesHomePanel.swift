import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// The casework card on the home page: the person's open cases, how many are past their next step,
/// and, for those who approve closings, the closings waiting in their office.
enum CasesHomePanel {
    static func render(_ request: Request, _ actor: Actor) async throws -> Node<HTML.BodyContext>? {
        let scope = Policy.ownScope(of: actor)
        let tenant = Policy.tenant(of: actor)
        guard request.may(.readCases, in: scope) || request.may(.workAssignedCases, in: scope), tenant != .network else { return nil }
        let t = request.t
        let today = request.today
        let mine = try await Case.query(on: request.db).visible(tenant).filter(\.$status != .closed)
            .join(CaseAssignee.self, on: \Case.$id == \CaseAssignee.$caseID)
            .filter(CaseAssignee.self, \.$userID == actor.userID).all()
        let overdue = mine.filter { ($0.nextActionOn ?? today) < today }.count
        var pending = 0
        if request.may(.approveClosings, in: scope) {
            pending = try await Case.query(on: request.db).visible(try request.visibility(.approveClosings))
                .filter(\.$pendingClosingCode != nil).count()
        }
        var waiting: [Contact] = []
        if let ngo = actor.ngoID, let office = actor.officeID, request.may(.workCases, in: .office(ngo: ngo, office: office)) {
            waiting = try await ContactsAwaitingCase.of(office: office, limit: 20, on: request.db)
        }
        let cipher = request.application.fieldCipher
        return .section(.class("card"),
            .h2(.text(t("cases.title"))),
            .if(!waiting.isEmpty, .group(
                .h3(.text(t("home.awaiting_case", String(waiting.count)))),
                .ol(.class("history"), .forEach(waiting) { contact in
                    .li(.p(.strong(.a(.href(IntakeRoute.contact(.of(contact.id!)).path), .text(contact.number))),
                           .text(" · \(t.dateTime(contact.startedAt)) · \(t("channel.\(contact.channel.rawValue)"))")),
                        .p(.class("summary"), .text(String(((try? contact.openSummary(cipher)) ?? "").prefix(140)))))
                }))),
            .p(.a(.href(queryLink(CasesRoute.cases.path, [("view", "mine")])), .text(t("home.my_cases", String(mine.count))))),
            .if(overdue > 0, .p(.a(.href(queryLink(CasesRoute.cases.path, [("view", "overdue")])),
                                    .span(.class("status overdue"), .text(t("home.cases_overdue", String(overdue))))))),
            .if(pending > 0, .p(.span(.class("status due"), .text(t("home.closings_pending", String(pending)))))))
    }
}
