import Fluent
import FluentSQL
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Vapor

/// Casework's part of a person's work queue: what falls due in the cases they follow (deadlines,
/// instalments, next steps), their open cases with the next step, the contacts waiting for a case, and
/// for those who supervise an office its unassigned cases and the closings awaiting approval; for a
/// volunteer lawyer, the assignments waiting for their conflict-of-interest confirmation.
enum CasesWork {
    static let source: WorkSource = { request, actor in
        let scope = Policy.ownScope(of: actor)
        guard actor.ngoID != nil, request.may(.workCases, in: scope) || request.may(.workAssignedCases, in: scope) else { return [] }
        let (t, today, db, cipher) = (request.t, request.today, request.db, request.application.fieldCipher)
        func label(_ found: Case) -> String { (try? CaseTitle.label(found, cipher)) ?? found.number }
        var items = try await DueController.items(for: actor, request: request).map { item in
            WorkItem(queue: "work.due", title: label(item.found), detail: DueController.label(item.item, t),
                     path: CasesRoute.casePage(.of(item.found.id!)).path, dueOn: item.dueOn,
                     urgency: WorkItem.urgency(of: item.dueOn, today: today, days: DueController.window))
        }
        let mine = try await Case.query(on: db).visible(Policy.tenant(of: actor)).filter(\.$status != .closed)
            .join(CaseAssignee.self, on: \Case.$id == \CaseAssignee.$caseID)
            .filter(CaseAssignee.self, \.$userID == actor.userID).all()
        items += mine.map { found in
            WorkItem(queue: "work.my_cases", title: label(found),
                     detail: t("status.\(found.status.rawValue)") + (found.nextActionOn.map { " · \(t("work.next_step", $0.description))" } ?? ""),
                     path: CasesRoute.casePage(.of(found.id!)).path,
                     urgency: WorkItem.urgency(of: found.nextActionOn, today: today, days: DueController.window), since: found.updatedAt)
        }
        items += try await ContactsAwaitingCase.of(try request.visibility(.workCases), limit: 50, on: db).map { contact in
            WorkItem(queue: "work.awaiting_case", title: contact.number,
                     detail: "\(t.dateTime(contact.startedAt)) · \(String(((try? contact.openSummary(cipher)) ?? "").prefix(80)))",
                     path: IntakeRoute.contact(.of(contact.id!)).path, urgency: .waiting, since: contact.startedAt)
        }
        if request.may(.approveClosings, in: scope) {
            let office = Case.query(on: db).visible(try request.visibility(.approveClosings)).filter(\.$status != .closed)
            let closings = try await office.copy().filter(\.$pendingClosingCode != nil).sort(\.$updatedAt).all()
            items += closings.map { found in
                WorkItem(queue: "work.closings", title: label(found), detail: t("closing.\(found.pendingClosingCode!.rawValue)"),
                         path: CasesRoute.casePage(.of(found.id!)).path, urgency: .due, since: found.updatedAt)
            }
            // Open cases nobody is assigned to, oldest first: the database finds them, however many cases the office has.
            let unassigned = try await office.copy()
                .filter(.sql(unsafeRaw: "NOT EXISTS (SELECT 1 FROM case_assignees a WHERE a.case_id = cases.id)"))
                .sort(\.$createdAt).limit(50).all()
            items += unassigned.map { found in
                WorkItem(queue: "work.unassigned", title: label(found), detail: t("status.\(found.status.rawValue)"),
                         path: CasesRoute.casePage(.of(found.id!)).path, urgency: .waiting, since: found.createdAt)
            }
        }
        if request.may(.workAssignedCases, in: scope) {
            let cases = try await Case.query(on: db).join(CaseAssignee.self, on: \Case.$id == \CaseAssignee.$caseID)
                .filter(CaseAssignee.self, \.$userID == actor.userID).filter(CaseAssignee.self, \.$conflictConfirmedAt == nil).all()
            items += cases.map { found in
                WorkItem(queue: "work.conflicts", title: found.number, detail: t("work.confirm_conflict"),
                         path: CasesRoute.conflict(.of(found.id!)).path, urgency: .due, since: found.updatedAt)
            }
        }
        return items
    }
}
