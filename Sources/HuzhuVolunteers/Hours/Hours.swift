import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Hours outside shifts as typed: the day, how many hours (`2`, `1.5`), what they were for, a note.
struct LogHours: Sendable {
    var workedOn: String
    var hours: String
    var kind: String
    var note: String

    init(form: [String: String]) {
        workedOn = form["worked_on"] ?? ""
        hours = form["hours"] ?? ""
        kind = form["hours_kind"] ?? ""
        note = form["note"] ?? ""
    }

    func check(today: CalendarDate) throws(ValidationErrors) -> (day: CalendarDate, minutes: Int, kind: HoursKind, note: String) {
        var errors = ValidationErrors()
        let day = CalendarDate(iso: workedOn)
        if day == nil { errors.add("worked_on", "error.date_format") } else if day! > today { errors.add("worked_on", "error.date_in_future") }
        let minutes = Self.minutes(hours)
        if minutes == nil { errors.add("hours", "error.logged_hours_format") }
        let kind = HoursKind(rawValue: kind)
        if kind == nil || kind == .shift { errors.add("hours_kind", "error.choice_invalid") }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 4000 { errors.add("note", "error.text_too_long") }
        guard errors.isEmpty, let day, let minutes, let kind else { throw errors }
        return (day, minutes, kind, note)
    }

    /// Minutes from hours typed with at most two decimals (`1.5` is 90); nil for anything else.
    static func minutes(_ raw: String) -> Int? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.wholeMatch(of: /-?[0-9]{1,3}(\.[0-9]{1,2})?/) != nil, let hours = Decimal(string: text) else { return nil }
        return NSDecimalNumber(decimal: hours * 60).rounding(accordingToBehavior: nil).intValue
    }
}

extension Volunteers {
    /// Logs hours outside shifts for the actor's own profile; they count once a supervisor approves them.
    static func log(_ command: LogHours, in work: WorkContext) async throws -> HourLog {
        let volunteer = try await work.ownProfile()
        let checked = try command.check(today: work.today)
        let entry = HourLog()
        entry.ngoID = volunteer.ngoID
        entry.officeID = volunteer.officeID
        entry.volunteerID = volunteer.id!
        entry.workedOn = checked.day
        entry.minutes = checked.minutes
        entry.kind = checked.kind
        entry.noteCipher = checked.note.isEmpty ? nil : try work.cipher.seal(checked.note)
        entry.loggedBy = work.actor.userID
        entry.loggedAt = work.now
        try await record(entry, in: work)
        return entry
    }

    /// Writes an hour log after checking the day's total stays within 24 hours (rejected logs aside).
    static func record(_ entry: HourLog, in work: WorkContext) async throws {
        try await work.write { work in
            let logged = try await HourLog.query(on: work.db).filter(\.$volunteerID == entry.volunteerID)
                .filter(\.$workedOn == entry.workedOn).filter(\.$rejectedAt == nil).all().reduce(0) { $0 + $1.minutes }
            var errors = ValidationErrors()
            _ = errors.check { () throws(FieldError) in try ShiftRules.checkDay(logged: logged, adding: entry.minutes) }
            try errors.throwIfAny()
            try await entry.save(on: work.db)
            try await work.audit(.logHours, recordType: "volunteer", recordID: entry.volunteerID, ngoID: entry.ngoID,
                                 detail: AuditDetail(entry.kind))
        }
    }

    /// A supervisor approves or rejects pending hours of their office; nobody decides on their own.
    static func decide(_ id: UUID, approve: Bool, in work: WorkContext) async throws {
        guard let entry = try await HourLog.query(on: work.db).filter(\.$id == id).visible(Policy.tenant(of: work.actor)).first(),
              work.may(.manageVolunteers, in: entry.scope) else { throw HuzhuAbort.notFound }
        guard entry.pending else { throw HuzhuAbort(.unprocessableEntity, "error.hours_decided") }
        guard entry.loggedBy != work.actor.userID else { throw HuzhuAbort(.unprocessableEntity, "error.own_hours") }
        if approve { entry.approvedAt = work.now; entry.approvedBy = work.actor.userID } else { entry.rejectedAt = work.now; entry.approvedBy = work.actor.userID }
        try await work.write { work in
            try await entry.save(on: work.db)
            try await work.audit(.decideHours, recordType: "hours", recordID: entry.id, ngoID: entry.ngoID,
                                 detail: AuditDetail(approve ? "approved" : "rejected"))
        }
    }

    /// Check-in: the volunteer is at their shift (from half an hour before it to its end).
    static func checkIn(to shift: Shift, in work: WorkContext) async throws {
        let volunteer = try await work.ownProfile()
        let place = try await activePlace(volunteer, shift, work)
        guard work.now >= shift.startsAt.addingTimeInterval(-1800), work.now < shift.endsAt else {
            throw HuzhuAbort(.unprocessableEntity, "error.check_in_window")
        }
        guard place.checkedInAt == nil else { return }
        place.checkedInAt = work.now
        try await work.write { work in
            try await place.save(on: work.db)
            try await work.audit(.attend, recordType: "shift", recordID: shift.id, ngoID: shift.ngoID, detail: AuditDetail("check in"))
        }
    }

    /// Check-out: the time on shift (within its hours) becomes hours for a supervisor to approve.
    static func checkOut(of shift: Shift, in work: WorkContext) async throws {
        let volunteer = try await work.ownProfile()
        let place = try await activePlace(volunteer, shift, work)
        guard let checkedIn = place.checkedInAt, place.checkedOutAt == nil else { throw HuzhuAbort(.unprocessableEntity, "error.not_checked_in") }
        let minutes = Int(min(work.now, shift.endsAt).timeIntervalSince(max(checkedIn, shift.startsAt)) / 60)
        guard minutes > 0 else { throw HuzhuAbort(.unprocessableEntity, "error.check_out_early") }
        place.checkedOutAt = work.now
        let entry = shiftHours(volunteer, shift, minutes: minutes, work)
        try await work.write { work in
            try await place.save(on: work.db)
            try await record(entry, in: work)
        }
    }

    /// Staff confirm after a shift that a volunteer on it attended for so many hours: approved at once.
    static func confirm(_ volunteer: Volunteer, on shift: Shift, hours raw: String, in work: WorkContext) async throws {
        guard work.may(.manageVolunteers, in: shift.scope) else { throw HuzhuAbort.notFound }
        guard shift.endsAt <= work.now else { throw HuzhuAbort(.unprocessableEntity, "error.shift_not_over") }
        _ = try await activePlace(volunteer, shift, work)
        guard let minutes = LogHours.minutes(raw), minutes > 0, minutes <= shift.minutes else {
            throw ValidationErrors([FieldError("hours", "error.hours_beyond_shift")])
        }
        let existing = try await HourLog.query(on: work.db).filter(\.$shiftID == shift.id!).filter(\.$volunteerID == volunteer.id!).first()
        let entry = existing ?? shiftHours(volunteer, shift, minutes: minutes, work)
        entry.minutes = minutes
        entry.approvedAt = work.now
        entry.approvedBy = work.actor.userID
        entry.rejectedAt = nil
        try await work.write { work in
            if existing == nil { try await record(entry, in: work) } else { try await entry.save(on: work.db) }
            try await work.audit(.decideHours, recordType: "hours", recordID: entry.id, ngoID: entry.ngoID, detail: AuditDetail("confirmed"))
        }
    }

    private static func activePlace(_ volunteer: Volunteer, _ shift: Shift, _ work: WorkContext) async throws -> ShiftPlace {
        guard let place = try await ShiftPlace.query(on: work.db).filter(\.$shiftID == shift.id!).filter(\.$volunteerID == volunteer.id!)
            .filter(\.$cancelledAt == nil).first() else { throw HuzhuAbort(.unprocessableEntity, "error.not_on_shift") }
        return place
    }

    private static func shiftHours(_ volunteer: Volunteer, _ shift: Shift, minutes: Int, _ work: WorkContext) -> HourLog {
        let entry = HourLog()
        entry.ngoID = shift.ngoID
        entry.officeID = shift.officeID
        entry.volunteerID = volunteer.id!
        entry.shiftID = shift.id
        entry.workedOn = shift.day
        entry.minutes = minutes
        entry.kind = .shift
        entry.loggedBy = work.actor.userID
        entry.loggedAt = work.now
        return entry
    }
}
