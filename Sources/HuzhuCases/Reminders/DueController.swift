import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// "Due soon": the deadlines and instalments of one's own cases (a supervisor's: the office's) that
/// fall due in the next two weeks or are overdue, and the reminders raised for one; and the home page's
/// card of them.
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
        let items = try await items(for: actor, request: request)
        let reminders = try await Reminder.query(on: request.db).filter(\.$userID == actor.userID)
            .sort(\.$raisedAt, .descending).limit(50).all()
        let numbers = Dictionary(uniqueKeysWithValues: try await Case.query(on: request.db)
            .filter(\.$id ~~ Array(Set(reminders.map(\.caseID)))).all().map { ($0.id!, $0.number) })
        let t = request.t
        return request.page(t("due.title"), .group(
            list(items, today: request.today, t),
            .section(.class("card"), .h2(.text(t("due.reminders"))),
                .if(reminders.isEmpty, .p(.class("empty"), .text(t("due.no_reminders")))),
                .ul(.forEach(reminders) { reminder in
                    .li(.text("\(t.dateTime(reminder.raisedAt)) · "),
                        .a(.href(CasesRoute.casePage(.of(reminder.caseID)).path), .text(numbers[reminder.caseID] ?? "—")),
                        .text(" · \(label(reminder.item, t)) · \(reminder.dueOn)"))
                }))))
    }

    static func label(_ item: String, _ t: Localizer) -> String {
        item == "instalment" ? t("due.instalment") : t("law_item.\(item)")
    }

    static func list(_ items: [DueItem], today: CalendarDate, _ t: Localizer) -> Node<HTML.BodyContext> {
        .section(.class("card"), .id("due"),
            .if(items.isEmpty, .p(.class("empty"), .text(t("due.nothing")))),
            .ul(.forEach(items) { item in
                let overdue = item.dueOn < today
                return .li(.span(.class(overdue ? "status overdue" : "status due"),
                                 .text(overdue ? t("due.overdue", item.dueOn.description) : t("due.on", item.dueOn.description))),
                           .text(" · "),
                           .a(.href(CasesRoute.casePage(.of(item.found.id!)).path), .text(item.found.number)),
                           .text(" · \(label(item.item, t))"))
            }))
    }

    /// The home page's card: what falls due soon in one's cases.
    static func panel(_ request: Request, _ actor: Actor) async throws -> Node<HTML.BodyContext>? {
        let scope = Policy.ownScope(of: actor)
        guard actor.ngoID != nil, request.may(.workCases, in: scope) || request.may(.workAssignedCases, in: scope) else { return nil }
        let items = try await items(for: actor, request: request)
        guard !items.isEmpty else { return nil }
        let t = request.t
        return .section(.class("card"), .h2(.a(.href(CasesRoute.dueSoon.path), .text(t("due.title")))),
                        list(Array(items.prefix(5)), today: request.today, t))
    }
}
