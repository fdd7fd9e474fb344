import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// `/api/v1/volunteers`, `/api/v1/shifts` and `/api/v1/hours`: the same commands as the pages.
enum VolunteersAPI {
    struct VolunteerJSON: Content {
        let id: UUID
        let office_id: UUID
        let name: String
        let kind: VolunteerKind
        let status: VolunteerStatus
        let status_since: CalendarDate
    }

    struct ShiftJSON: Content {
        let id: UUID
        let office_id: UUID
        let duty: Duty
        let starts_at: Date
        let ends_at: Date
        let capacity: Int
        let taken: Int
        /// Whether the token's owner holds a place on it.
        let mine: Bool
    }

    struct HoursJSON: Content {
        let id: UUID
        let volunteer_id: UUID
        let worked_on: CalendarDate
        let minutes: Int
        let kind: HoursKind
        let state: String

        init(_ entry: HourLog) {
            id = entry.id!
            volunteer_id = entry.volunteerID
            worked_on = entry.workedOn
            minutes = entry.minutes
            kind = entry.kind
            state = entry.approvedAt != nil ? "approved" : entry.rejectedAt != nil ? "rejected" : "pending"
        }
    }

    struct PlaceInput: Content {
        let volunteer: UUID?
    }

    struct HoursInput: Content {
        let worked_on: String
        let hours: String
        let kind: String
        let note: String?
    }

    struct DecisionInput: Content {
        let decision: String
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(VolunteersAPIRoute.volunteers, use: volunteers)
        routes.get(VolunteersAPIRoute.shifts, use: shifts)
        routes.post(VolunteersAPIRoute.shiftPlaces(.parameter)) { request in
            let (work, shift, volunteer) = try await placeRequest(request)
            try await Volunteers.place(volunteer, on: shift, in: work)
            return try await shiftJSON(try await work.shift(shift.id!), work)
        }
        routes.post(VolunteersAPIRoute.shiftCancel(.parameter)) { request in
            let (work, shift, volunteer) = try await placeRequest(request)
            try await Volunteers.cancel(volunteer, on: shift, noticeHours: request.application.shiftNoticeHours,
                                        byStaff: volunteer.userID != work.actor.userID, in: work)
            return try await shiftJSON(try await work.shift(shift.id!), work)
        }
        routes.post(VolunteersAPIRoute.hours) { request in
            let input = try request.content.decode(HoursInput.self)
            let entry = try await Volunteers.log(LogHours(form: ["worked_on": input.worked_on, "hours": input.hours, "hours_kind": input.kind,
                                                                 "note": input.note ?? ""]), in: try request.workContext())
            let response = Response(status: .created)
            try response.content.encode(HoursJSON(entry))
            return response
        }
        routes.post(VolunteersAPIRoute.hoursApproval(.parameter)) { request in
            let decision = try request.content.decode(DecisionInput.self).decision
            guard decision == "approve" || decision == "reject" else {
                throw ValidationErrors([FieldError("decision", "error.choice_invalid")])
            }
            let id = try request.routeID()
            let work = try request.workContext()
            try await Volunteers.decide(id, approve: decision == "approve", in: work)
            guard let entry = try await HourLog.find(id, on: request.db) else { throw HuzhuAbort.notFound }
            return HoursJSON(entry)
        }
    }

    static func volunteers(_ request: Request) async throws -> [VolunteerJSON] {
        try request.inOwnScope(.manageVolunteers)
        let cipher = request.application.fieldCipher
        return try await Volunteer.query(on: request.db).visible(try request.visibility(.manageVolunteers)).sort(\.$createdAt, .descending)
            .limit(500).all().map { volunteer in
                VolunteerJSON(id: volunteer.id!, office_id: volunteer.officeID, name: try cipher.open(volunteer.nameCipher), kind: volunteer.kind,
                              status: volunteer.status, status_since: volunteer.statusSince)
            }
    }

    /// The shifts of the coming fortnight (or of `from`…`to`, at most 31 days) that the token's owner keeps
    /// or may serve on.
    static func shifts(_ request: Request) async throws -> [ShiftJSON] {
        let work = try request.workContext()
        let manage = try request.visibility(.manageVolunteers)
        let profile = try? await work.ownProfile()
        guard manage != .nothing || profile != nil else { throw HuzhuAbort(.forbidden, "error.no_volunteer_profile") }
        var errors = ValidationErrors()
        let from = read(request, "from", &errors) ?? request.today
        let to = read(request, "to", &errors) ?? from.adding(days: 14)
        if errors.isEmpty && (to <= from || from.days(until: to) > 31) { errors.add("to", "error.period_too_long") }
        try errors.throwIfAny()
        let query = Shift.query(on: request.db)
            .filter(\.$startsAt >= ShanghaiTime.instant(localMinute: "\(from)T00:00")!)
            .filter(\.$startsAt < ShanghaiTime.instant(localMinute: "\(to)T00:00")!)
        if manage != .nothing { query.visible(manage) } else if let profile { query.filter(\.$officeID == profile.officeID) }
        let shifts = try await query.sort(\.$startsAt).limit(500).all()
        let mine = try await profile.asyncMap { profile in
            Set(try await ShiftPlace.query(on: request.db).filter(\.$volunteerID == profile.id!).filter(\.$cancelledAt == nil).all().map(\.shiftID))
        } ?? []
        return shifts.map { ShiftJSON($0, mine: mine.contains($0.id!)) }
    }

    private static func read(_ request: Request, _ name: String, _ errors: inout ValidationErrors) -> CalendarDate? {
        guard let raw = request.query[String.self, at: name] else { return nil }
        guard let date = CalendarDate(iso: raw) else { errors.add(name, "error.date_format"); return nil }
        return date
    }

    private static func placeRequest(_ request: Request) async throws -> (WorkContext, Shift, Volunteer) {
        let work = try request.workContext()
        let shift = try await work.shift(try request.routeID())
        let input = try? request.content.decode(PlaceInput.self)
        let named = try await input?.volunteer.asyncMap { try await work.managedVolunteer($0) }
        let volunteer: Volunteer
        if let named { volunteer = named } else { volunteer = try await work.ownProfile() }
        return (work, shift, volunteer)
    }

    private static func shiftJSON(_ shift: Shift, _ work: WorkContext) async throws -> ShiftJSON {
        let profile = try? await work.ownProfile()
        let mine = try await profile.asyncMap { profile in
            try await ShiftPlace.query(on: work.db).filter(\.$shiftID == shift.id!).filter(\.$volunteerID == profile.id!)
                .filter(\.$cancelledAt == nil).count() > 0
        } ?? false
        return ShiftJSON(shift, mine: mine)
    }
}

extension VolunteersAPI.ShiftJSON {
    init(_ shift: Shift, mine: Bool) {
        self.init(id: shift.id!, office_id: shift.officeID, duty: shift.duty, starts_at: shift.startsAt, ends_at: shift.endsAt,
                  capacity: shift.capacity, taken: shift.taken, mine: mine)
    }
}
