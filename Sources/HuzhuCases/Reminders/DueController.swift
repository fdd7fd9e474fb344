import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// "Due soon": everything of one's work that falls due in the next two weeks or is overdue — the
/// deadlines, instalments and next steps of one's own cases (a supervisor's: the office's), and what the
/// other features date (callbacks, escalations) — and the reminders raised for one.
enum DueController {
    static let window = 14

    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.dueSoon, use: show)
    }

    /// The open cases whose due items the person follows.
    static func cases(for actor: Actor, request: Request) async throws -> [Case] {
        let scope = Policy.ownScope(of: actor)
        let query = Case.query(on: request.db).filter(\.$status != .closed)
        if request.may(.approveClosings, in: scope) {
            query.visible(try request.visibility(.approveClosings))
        } else {
            query.visible(Policy.tenant(of: actor)).join(CaseAssignee.self, on: \Case.$id == \CaseAssignee.$caseID).filter(CaseAssignee.self, \.$userID == actor.userID)
        }
        return try await query.all()
    }

    static func items(for actor: Actor, request: Request) async throws -> [DueItem] {
        let today = request.today
        let horizon = today.adding(days: window)
        return try await DueItems.of(try await cases(for: actor, request: request), today: today, on: request.db)
            .filter { $0.dueOn <= horizon }
    }

    static func show(_ request: Request) async throws -> Response {
        let actor = try request.requireActor()
        let scope = Policy.ownScope(of: actor)
        guard request.may(.workCases, in: scope) || request.may(.workAssignedCases, in: scope) else {
            throw HuzhuAbort(.forbidden, "error.forbidden")
        }
        let horizon = request.today.adding(days: window)
        let items = try await request.workItems(for: actor).filter { $0.dueOn.map { $0 <= horizon } ?? false }
            .sorted { $0.dueOn! < $1.dueOn! }
        let reminders = try await Reminder.query(on: request.db).filter(\.$userID == actor.userID)
            .sort(\.$raisedAt, .descending).limit(50).all()
        let numbers = Dictionary(uniqueKeysWithValues: try await Case.query(on: request.db)
            .filter(\.$id ~~ Array(Set(reminders.map(\.caseID)))).all().map { ($0.id!, $0.number) })
        let t = request.t
        return request.page(t("due.title"), .group(
            list(items, t),
            .section(.class("card"), .h2(.text(t("due.reminders"))),
                .if(reminders.isEmpty, .p(.class("empty"), .text(t("due.no_reminders")))),
                .ul(.forEach(reminders) { reminder in
                    .li(.text("\(t.dateTime(reminder.raisedAt)) · "),
                        .a(.href(CasesRoute.casePage(.of(reminder.caseID)).path), .text(numbers[reminder.caseID] ?? "—")),
                        .text(" · \(label(reminder.item, t)) · \(reminder.dueOn)"))
                }))))
    }

    static func label(_ item: String, _ t: Localizer) -> String {
        switch item {
        case "instalment": t("due.instalment")
        case "next_step": t("due.next_step")
        default: t("law_item.\(item)")
        }
    }

    static func list(_ items: [WorkItem], _ t: Localizer) -> Node<HTML.BodyContext> {
        .section(.class("card"), .id("due"),
            .if(items.isEmpty, .p(.class("empty"), .text(t("due.nothing")))),
            .ul(.forEach(items) { item in
                let overdue = item.urgency == .overdue
                return .li(.span(.class(overdue ? "status overdue" : "status due"),
                                 .text(overdue ? t("due.overdue", item.dueOn!.description) : t("due.on", item.dueOn!.description))),
                           .text(" · \(t(item.queue)) · "),
                           .a(.href(item.path.attributeEscaped), .text(item.title)),
                           .text(item.detail.isEmpty ? "" : " · \(item.detail)"))
            }))
    }
}
