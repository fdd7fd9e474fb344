import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The enterprise hotline's part of a person's work queue. For the NGO's staff who work feedback: new
/// and urgent items, and escalations the enterprise has not acknowledged (overdue once past the 24
/// hours). For a liaison: their enterprises' escalations to acknowledge and items to answer.
enum EnterpriseWork {
    static let source: WorkSource = { request, actor in
        guard let ngo = actor.ngoID else { return [] }
        let (t, now) = (request.t, request.application.clock.now())
        func title(_ item: Feedback, _ names: [UUID: String]) -> String {
            "\(names[item.partnershipID] ?? "") · \(t("feedback_category.\(item.category.rawValue)"))"
        }
        func escalation(_ item: Feedback, path: String, _ names: [UUID: String]) -> WorkItem {
            let due = item.ackDueAt ?? now
            return WorkItem(queue: "work.escalations", title: title(item, names), detail: t("feedback.ack_due") + " " + t.dateTime(due),
                            path: path, dueOn: CalendarDate(due), urgency: due < now ? .overdue : .due, since: item.escalatedAt)
        }
        if request.may(.workFeedback, in: Policy.ownScope(of: actor)) {
            let held = try await request.heldPartnerships()
            let names = Dictionary(uniqueKeysWithValues: held.map { ($0.id!, $0.name) })
            guard !held.isEmpty else { return [] }
            let open = try await Feedback.query(on: request.db).filter(\.$partnershipID ~~ Array(names.keys))
                .filter(\.$status != .closed).sort(\.$createdAt, .descending).limit(500).all()
            var items = open.filter { $0.escalatedAt != nil && $0.acknowledgedAt == nil }.map {
                escalation($0, path: EnterpriseRoute.feedback(.of($0.id!)).path, names)
            }
            items += open.filter { $0.status == .new || ($0.severity == .urgent && $0.forwardedAt == nil) }.map { item in
                WorkItem(queue: "work.feedback", title: title(item, names), detail: t("feedback_severity.\(item.severity.rawValue)"),
                         path: EnterpriseRoute.feedback(.of(item.id!)).path, urgency: item.severity == .urgent ? .due : .waiting,
                         since: item.createdAt)
            }
            return items
        }
        guard request.may(.usePortal, in: .ngo(ngo)) else { return [] }
        let partnerships = try await request.liaisonPartnerships()
        let names = Dictionary(uniqueKeysWithValues: partnerships.map { ($0.id!, $0.name) })
        guard !names.isEmpty else { return [] }
        let forwarded = try await Feedback.query(on: request.db).filter(\.$partnershipID ~~ Array(names.keys))
            .filter(\.$forwardedAt != nil).sort(\.$forwardedAt, .descending).limit(500).all()
        var items = forwarded.filter { $0.escalatedAt != nil && $0.acknowledgedAt == nil }.map {
            escalation($0, path: EnterpriseRoute.portal.path, names)
        }
        items += forwarded.filter { $0.response == nil }.map { item in
            WorkItem(queue: "work.to_answer", title: title(item, names), detail: item.summary.map { String($0.prefix(80)) } ?? "",
                     path: EnterpriseRoute.portal.path, urgency: .waiting, since: item.forwardedAt)
        }
        return items
    }
}
