import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// The times an office's hotline is open with nobody on a hotline shift (everyone on one has passed the
/// courses the duty requires, or they could not have been put there).
enum HotlineCoverage {
    struct Gap {
        let officeID: UUID
        let start: Date
        let end: Date
    }

    /// The gaps of `days` days from `first` in the offices of `visibility`.
    static func gaps(_ visibility: Visibility, from first: CalendarDate, days: Int, db: any Database) async throws -> [Gap] {
        let byOffice = Dictionary(grouping: try await HotlineOpening.query(on: db).visible(visibility).all(), by: \.officeID)
        guard !byOffice.isEmpty, let from = ShanghaiTime.instant(localMinute: "\(first)T00:00") else { return [] }
        let covered = try await Shift.query(on: db).filter(\.$officeID ~~ Array(byOffice.keys)).filter(\.$duty == .hotline)
            .filter(\.$taken > 0).filter(\.$endsAt > from).filter(\.$startsAt < from.addingTimeInterval(Double(days + 1) * 24 * 3600)).all()
        return byOffice.flatMap { officeID, rows in
            let open = Coverage.periods(rows.compactMap(\.opening), from: first, days: days)
            let shifts = covered.filter { $0.officeID == officeID }.map { (start: $0.startsAt, end: $0.endsAt) }
            return Coverage.gaps(open: open, covered: shifts).map { Gap(officeID: officeID, start: $0.start, end: $0.end) }
        }.sorted { $0.start < $1.start }
    }
}

/// A weekly opening as typed on the shifts page.
struct AddOpening: Sendable {
    var officeID: UUID?
    var weekday: String
    var opens: String
    var closes: String

    init(form: [String: String]) {
        officeID = form["office"].flatMap(UUID.init(uuidString:))
        weekday = form["weekday"] ?? ""
        opens = form["opens"] ?? ""
        closes = form["closes"] ?? ""
    }
}

extension Volunteers {
    /// Adds a weekly opening to an office the actor keeps; one overlapping another of that day is refused.
    static func addOpening(_ command: AddOpening, in work: WorkContext) async throws -> HotlineOpening {
        let checked = try Coverage.Opening(weekday: command.weekday, opens: command.opens, closes: command.closes)
        let office = try await work.keptOffice(command.officeID)
        let sameDay = try await HotlineOpening.query(on: work.db).filter(\.$officeID == office.id!).filter(\.$weekday == checked.weekday).all()
        if sameDay.contains(where: { $0.opens < checked.closes && checked.opens < $0.closes }) {
            throw ValidationErrors([FieldError("opens", "error.opening_overlap")])
        }
        let opening = HotlineOpening()
        opening.ngoID = office.ngoID
        opening.officeID = office.id!
        opening.weekday = checked.weekday
        opening.opens = checked.opens
        opening.closes = checked.closes
        try await work.write { work in
            try await opening.create(on: work.db)
            try await work.audit(.setOpening, recordType: "office", recordID: office.id, ngoID: office.ngoID)
        }
        return opening
    }

    static func removeOpening(_ id: UUID, in work: WorkContext) async throws -> HotlineOpening {
        try work.keepsVolunteers()
        guard let opening = try await HotlineOpening.query(on: work.db).filter(\.$id == id).visible(Policy.tenant(of: work.actor)).first(),
              work.may(.manageVolunteers, in: opening.scope) else { throw HuzhuAbort.notFound }
        try await work.write { work in
            try await opening.delete(on: work.db)
            try await work.audit(.setOpening, recordType: "office", recordID: opening.officeID, ngoID: opening.ngoID)
        }
        return opening
    }
}
