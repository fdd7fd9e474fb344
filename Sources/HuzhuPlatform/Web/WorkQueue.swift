import Foundation
import HuzhuCore
import Plot
import Vapor

/// One thing waiting for someone, as their home page and the due list show it: which queue it is in,
/// what it is, where to act on it, and how urgent it is. Features contribute the items of the records
/// they own (`WorkSource`); the home page shows every queue a person has, most urgent first.
package struct WorkItem: Sendable {
    package enum Urgency: Int, Comparable, Sendable {
        case overdue, due, waiting

        package static func < (a: Urgency, b: Urgency) -> Bool { a.rawValue < b.rawValue }
    }

    /// The queue's catalogue key (`work.callbacks`); queues are shown in `WorkQueue.order`.
    package let queue: String
    /// What it is: a case or contact number, a callback's reason.
    package let title: String
    /// What is to be done, or the item's short description.
    package let detail: String
    package let path: String
    /// The day it falls due, if it has one (the due list takes the items that do).
    package let dueOn: CalendarDate?
    package let urgency: Urgency
    /// When it arrived, for the newest-first order among items of equal urgency and date.
    package let since: Date?

    package init(queue: String, title: String, detail: String, path: String, dueOn: CalendarDate? = nil,
                 urgency: Urgency, since: Date? = nil) {
        self.queue = queue
        self.title = title
        self.detail = detail
        self.path = path
        self.dueOn = dueOn
        self.urgency = urgency
        self.since = since
    }

    /// Overdue before due before waiting; then the earliest date; then the newest arrival.
    package static func mostUrgentFirst(_ a: WorkItem, _ b: WorkItem) -> Bool {
        if a.urgency != b.urgency { return a.urgency < b.urgency }
        switch (a.dueOn, b.dueOn) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        return (a.since ?? .distantPast) > (b.since ?? .distantPast)
    }

    /// `overdue` before `today`, `due` from today to `today + days`, else `waiting`.
    package static func urgency(of date: CalendarDate?, today: CalendarDate, days: Int = 14) -> Urgency {
        guard let date else { return .waiting }
        if date < today { return .overdue }
        return date <= today.adding(days: days) ? .due : .waiting
    }
}

/// A feature's items for one person (none when nothing of theirs concerns them).
package typealias WorkSource = @Sendable (Request, Actor) async throws -> [WorkItem]

extension Application {
    private struct WorkSourcesKey: StorageKey { typealias Value = [WorkSource] }

    /// The features' work sources, in feature order.
    package var workSources: [WorkSource] {
        get { storage[WorkSourcesKey.self] ?? [] }
        set { storage[WorkSourcesKey.self] = newValue }
    }
}

extension Request {
    /// Everything waiting for the signed-in person, from every feature, most urgent first.
    package func workItems(for actor: Actor) async throws -> [WorkItem] {
        var items: [WorkItem] = []
        for source in application.workSources { items += try await source(self, actor) }
        return items.sorted(by: WorkItem.mostUrgentFirst)
    }
}

/// The queues as cards: each queue's items most urgent first, each a link, a queue's most urgent
/// item deciding where its card stands.
package enum WorkQueueView {
    /// How many items a card shows before "and N more".
    package static let shown = 8

    package static func render(_ items: [WorkItem], _ t: Localizer) -> Node<HTML.BodyContext> {
        var queues: [String: [WorkItem]] = [:]
        var order: [String] = []
        for item in items {
            if queues[item.queue] == nil { order.append(item.queue) }
            queues[item.queue, default: []].append(item)
        }
        guard !order.isEmpty else { return .section(.class("card"), .p(.class("empty"), .text(t("work.nothing")))) }
        return .div(.class("work-queues"), .forEach(order) { queue in
            let all = queues[queue]!
            return .section(.class("card queue"), .attribute(named: "data-queue", value: queue),
                .h2(.text("\(t(queue)) (\(all.count))")),
                .ul(.class("queue-items"), .forEach(all.prefix(shown)) { item in
                    .li(.class("queue-item \(item.urgency)"),
                        .a(.href(item.path.attributeEscaped), .strong(.text(item.title))),
                        .unwrap(item.dueOn) { date in
                            .span(.class(item.urgency == .overdue ? "status overdue" : "status due"),
                                  .text(item.urgency == .overdue ? t("due.overdue", date.description) : t("due.on", date.description)))
                        },
                        .if(!item.detail.isEmpty, .span(.class("detail"), .text(item.detail))))
                }),
                .if(all.count > shown, .p(.class("hint"), .text(t("work.more", String(all.count - shown))))))
        })
    }
}
