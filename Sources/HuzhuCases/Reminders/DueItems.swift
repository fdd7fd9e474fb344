import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// What falls due in open cases: their open legal deadlines and their unpaid instalments, with the
/// people responsible (the case's assignees).
struct DueItem {
    let found: Case
    /// The deadline's item (`limitation`), or `instalment`.
    let item: String
    let dueOn: CalendarDate
    let owners: [UUID]

    /// Identifies the item across scans, so a reminder about it is raised once per threshold.
    var key: String { "\(found.id!.uuidString.lowercased()):\(item):\(dueOn)" }
}

enum DueItems {
    /// The due items of the given open cases, in date order.
    static func of(_ cases: [Case], today: CalendarDate, on db: any Database) async throws -> [DueItem] {
        let ids = cases.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let assignees = try await CaseAssignee.query(on: db).filter(\.$caseID ~~ ids).all()
        let payments = try await Payment.query(on: db).filter(\.$caseID ~~ ids).all()
        var items: [DueItem] = []
        for found in cases {
            let owners = assignees.filter { $0.caseID == found.id }.map(\.userID)
            let mediation = try await CaseMediation.load(found, payments: payments.filter { $0.caseID == found.id },
                                                         today: today, on: db)
            for deadline in mediation.deadlines where deadline.state == .open {
                if let date = deadline.date { items.append(DueItem(found: found, item: deadline.line.item, dueOn: date, owners: owners)) }
            }
            for agreement in mediation.agreements {
                for instalment in agreement.instalments where instalment.state != .paid {
                    items.append(DueItem(found: found, item: "instalment", dueOn: instalment.dueOn, owners: owners))
                }
            }
        }
        return items.sorted { $0.dueOn < $1.dueOn }
    }
}

/// Raises reminders for what falls due: once when it comes within each threshold (7 and 2 days by
/// default) and once when it is overdue, to each of the case's assignees. A reminder already raised
/// is not raised again.
enum ReminderScan {
    @discardableResult
    static func run(on db: any Database, today: CalendarDate, now: Date, days: [Int]) async throws -> Int {
        let open = try await Case.query(on: db).filter(\.$status != .closed).all()
        var raised = 0
        for item in try await DueItems.of(open, today: today, on: db) {
            let left = today.days(until: item.dueOn)
            let stage: String
            if left < 0 { stage = "overdue" } else if let threshold = days.filter({ left <= $0 }).min() { stage = "\(threshold)" } else { continue }
            let key = "\(item.key):\(stage)"
            let known = Set(try await Reminder.query(on: db).filter(\.$key == key).all().map(\.userID))
            for owner in item.owners where !known.contains(owner) {
                let reminder = Reminder()
                reminder.ngoID = item.found.ngoID
                reminder.userID = owner
                reminder.caseID = try item.found.requireID()
                reminder.key = key
                reminder.item = item.item
                reminder.dueOn = item.dueOn.description
                reminder.raisedAt = now
                try await reminder.create(on: db)
                raised += 1
            }
        }
        return raised
    }
}
