import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// What falls due in open cases: their open legal deadlines, their unpaid instalments and their next
/// step, with the people responsible (the case's assignees).
struct DueItem {
    let found: Case
    /// The deadline's item (`limitation`), `instalment` or `next_step`.
    let item: String
    let dueOn: CalendarDate
    let owners: [UUID]

    /// Identifies the item across scans, so a reminder about it is raised once per threshold.
    var key: String { "\(found.id!.uuidString.lowercased()):\(item):\(dueOn)" }
}

enum DueItems {
    /// The due items of the given open cases, in date order; a fixed number of queries per thousand cases.
    static func of(_ cases: [Case], today: CalendarDate, on db: any Database) async throws -> [DueItem] {
        var assignees: [CaseAssignee] = [], payments: [Payment] = []
        for chunk in cases.compactMap(\.id).chunks(of: 1000) {
            assignees += try await CaseAssignee.query(on: db).filter(\.$caseID ~~ Array(chunk)).all()
            payments += try await Payment.query(on: db).filter(\.$caseID ~~ Array(chunk)).all()
        }
        let ownersOf = Dictionary(grouping: assignees, by: \.caseID).mapValues { $0.map(\.userID) }
        let mediations = try await CaseMediation.load(cases, payments: payments, today: today, on: db)
        var items: [DueItem] = []
        for found in cases {
            guard let id = found.id, let mediation = mediations[id] else { continue }
            let owners = ownersOf[id] ?? []
            for deadline in mediation.deadlines where deadline.state == .open {
                if let date = deadline.date { items.append(DueItem(found: found, item: deadline.line.item, dueOn: date, owners: owners)) }
            }
            if let next = found.nextActionOn { items.append(DueItem(found: found, item: "next_step", dueOn: next, owners: owners)) }
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
/// is not raised again. Open cases are read a page at a time, so the scan's memory stays small however
/// many cases a network holds.
enum ReminderScan {
    @discardableResult
    static func run(on db: any Database, today: CalendarDate, now: Date, days: [Int], page: Int = 500) async throws -> Int {
        var raised = 0
        var after: UUID?
        while true {
            let query = Case.query(on: db).filter(\.$status != .closed).sort(\.$id).limit(page)
            if let after { query.filter(\.$id > after) }
            let open = try await query.all()
            guard let last = open.last else { return raised }
            after = last.id
            raised += try await raise(for: open, on: db, today: today, now: now, days: days)
        }
    }

    private static func raise(for cases: [Case], on db: any Database, today: CalendarDate, now: Date, days: [Int]) async throws -> Int {
        var wanted: [Reminder] = []
        for item in try await DueItems.of(cases, today: today, on: db) {
            let left = today.days(until: item.dueOn)
            let stage: String
            if left < 0 { stage = "overdue" } else if let threshold = days.filter({ left <= $0 }).min() { stage = "\(threshold)" } else { continue }
            for owner in item.owners {
                let reminder = Reminder()
                reminder.ngoID = item.found.ngoID
                reminder.userID = owner
                reminder.caseID = try item.found.requireID()
                reminder.key = "\(item.key):\(stage)"
                reminder.item = item.item
                reminder.dueOn = item.dueOn
                reminder.raisedAt = now
                wanted.append(reminder)
            }
        }
        guard !wanted.isEmpty else { return 0 }
        var known = Set(try await Reminder.query(on: db).filter(\.$caseID ~~ Array(Set(wanted.map(\.caseID)))).all()
            .map { "\($0.key) \($0.userID)" })
        let new = wanted.filter { known.insert("\($0.key) \($0.userID)").inserted }
        guard !new.isEmpty else { return 0 }
        try await db.write { db in
            for reminder in new { try await reminder.create(on: db) }
        }
        return new.count
    }
}
