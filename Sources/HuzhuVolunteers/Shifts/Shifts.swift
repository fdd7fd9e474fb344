import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import SQLKit

/// Shifts to plan for an office: one, or the same weekday and hours for several weeks (a weekly template).
struct PlanShifts: Sendable {
    var officeID: UUID?
    var duty: String
    var firstDay: String
    var start: String
    var end: String
    var capacity: String
    var weeks: String

    init(form: [String: String]) {
        officeID = form["office"].flatMap(UUID.init(uuidString:))
        duty = form["duty"] ?? ""
        firstDay = form["first_day"] ?? ""
        start = form["starts"] ?? ""
        end = form["ends"] ?? ""
        capacity = form["capacity"] ?? ""
        weeks = form["weeks"] ?? "1"
    }

    /// The shifts' duty, capacity and periods, or every problem with the form.
    func check() throws(ValidationErrors) -> (duty: Duty, capacity: Int, periods: [(start: Date, end: Date)]) {
        var errors = ValidationErrors()
        let duty = Duty(rawValue: duty)
        if duty == nil { errors.add("duty", "error.choice_invalid") }
        let day = CalendarDate(iso: firstDay)
        if day == nil { errors.add("first_day", "error.date_format") }
        let time = /^([01][0-9]|2[0-3]):[0-5][0-9]$/
        if start.wholeMatch(of: time) == nil { errors.add("starts", "error.time_format") }
        if end.wholeMatch(of: time) == nil { errors.add("ends", "error.time_format") }
        let capacity = Int(capacity.trimmingCharacters(in: .whitespaces))
        if capacity.map({ !(1...50).contains($0) }) ?? true { errors.add("capacity", "error.capacity_range") }
        let weeks = Int(weeks.trimmingCharacters(in: .whitespaces))
        if weeks.map({ !(1...26).contains($0) }) ?? true { errors.add("weeks", "error.weeks_range") }
        guard errors.isEmpty, let duty, let day, let capacity, let weeks,
              let first = ShanghaiTime.instant(localMinute: "\(day)T\(start)"),
              let last = ShanghaiTime.instant(localMinute: "\(day)T\(end)") else { throw errors }
        _ = errors.check { () throws(FieldError) in try ShiftRules.check(start: first, end: last) }
        try errors.throwIfAny()
        let week: TimeInterval = 7 * 24 * 3600
        return (duty, capacity, (0..<weeks).map { (first + Double($0) * week, last + Double($0) * week) })
    }
}

extension Volunteers {
    static func plan(_ command: PlanShifts, in work: WorkContext) async throws -> [Shift] {
        let checked = try command.check()
        let office = try await work.keptOffice(command.officeID)
        let officeID = office.id!
        let series = checked.periods.count > 1 ? UUID() : nil
        let shifts = checked.periods.map { period in
            let shift = Shift()
            shift.ngoID = office.ngoID
            shift.officeID = officeID
            shift.duty = checked.duty
            shift.startsAt = period.start
            shift.endsAt = period.end
            shift.capacity = checked.capacity
            shift.taken = 0
            shift.seriesID = series
            shift.createdBy = work.actor.userID
            shift.createdAt = work.now
            return shift
        }
        try await work.write { work in
            for shift in shifts { try await shift.create(on: work.db) }
            try await work.audit(.planShifts, recordType: "shift", recordID: shifts[0].id, ngoID: office.ngoID,
                                 detail: .count(shifts.count, "shifts"))
        }
        return shifts
    }

    /// Puts a volunteer on a shift: themselves (signing up) or by staff (assigning). Refused when the
    /// shift has ended, is of another office, is full, overlaps another of theirs, or when they are not
    /// active or lack a course the duty requires (named).
    static func place(_ volunteer: Volunteer, on shift: Shift, in work: WorkContext) async throws {
        guard shift.endsAt > work.now else { throw HuzhuAbort(.unprocessableEntity, "error.shift_over") }
        guard volunteer.officeID == shift.officeID else { throw HuzhuAbort(.unprocessableEntity, "error.shift_other_office") }
        try await Training.ensureQualified(volunteer, for: shift.duty, on: shift.day, db: work.db)
        try await work.write { work in
            let mine = try await ShiftPlace.query(on: work.db).filter(\.$volunteerID == volunteer.id!).filter(\.$cancelledAt == nil).all()
            if mine.contains(where: { $0.shiftID == shift.id }) { throw HuzhuAbort(.unprocessableEntity, "error.already_on_shift") }
            let others = mine.isEmpty ? [] : try await Shift.query(on: work.db).filter(\.$id ~~ mine.map(\.shiftID)).all()
            if others.contains(where: { ShiftRules.overlap(($0.startsAt, $0.endsAt), (shift.startsAt, shift.endsAt)) }) {
                throw HuzhuAbort(.unprocessableEntity, "error.shift_overlap")
            }
            // One statement takes a place only while one is free: of two sign-ups for the last place, the
            // second finds none (PostgreSQL waits for the first's row lock and re-reads; SQLite has one writer).
            let taken = try await (work.db as! any SQLDatabase).raw("""
                UPDATE shifts SET taken = taken + 1 WHERE id = \(bind: shift.id!) AND taken < capacity RETURNING id
                """).all()
            guard !taken.isEmpty else { throw HuzhuAbort(.unprocessableEntity, "error.shift_full") }
            let place = try await ShiftPlace.query(on: work.db).filter(\.$shiftID == shift.id!).filter(\.$volunteerID == volunteer.id!).first()
                ?? ShiftPlace()
            place.ngoID = shift.ngoID
            place.officeID = shift.officeID
            place.shiftID = shift.id!
            place.volunteerID = volunteer.id!
            place.placedBy = work.actor.userID
            place.placedAt = work.now
            place.cancelledAt = nil
            try await place.save(on: work.db)
            try await work.audit(.takePlace, recordType: "shift", recordID: shift.id, ngoID: shift.ngoID, detail: .record("volunteer", volunteer.id!))
        }
    }

    /// Gives up a place, freeing it. The volunteer must give `noticeHours` of notice; staff need not.
    static func cancel(_ volunteer: Volunteer, on shift: Shift, noticeHours: Int, byStaff: Bool, in work: WorkContext) async throws {
        guard shift.startsAt > work.now else { throw HuzhuAbort(.unprocessableEntity, "error.shift_started") }
        if !byStaff && !ShiftRules.mayCancel(start: shift.startsAt, now: work.now, noticeHours: noticeHours) {
            throw HuzhuAbort(.unprocessableEntity, "error.cancel_notice", String(noticeHours))
        }
        try await work.write { work in
            guard let place = try await ShiftPlace.query(on: work.db).filter(\.$shiftID == shift.id!)
                .filter(\.$volunteerID == volunteer.id!).filter(\.$cancelledAt == nil).first()
            else { throw HuzhuAbort(.unprocessableEntity, "error.not_on_shift") }
            place.cancelledAt = work.now
            try await place.save(on: work.db)
            try await (work.db as! any SQLDatabase).raw("UPDATE shifts SET taken = taken - 1 WHERE id = \(bind: shift.id!) AND taken > 0").run()
            try await work.audit(.cancelPlace, recordType: "shift", recordID: shift.id, ngoID: shift.ngoID, detail: .record("volunteer", volunteer.id!))
        }
    }
}
