import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The shift roster: an office's week (who is on each shift, the gaps), signing up and giving up a place
/// on one's phone, checking in and out, and for staff planning shifts, assigning and confirming attendance.
enum ShiftsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(VolunteersRoute.shifts) { try await week($0, errors: ValidationErrors(), typed: [:]) }
        routes.post(VolunteersRoute.shifts, use: plan)
        routes.post(VolunteersRoute.shiftPlaces(.parameter), use: place)
        routes.post(VolunteersRoute.shiftCancel(.parameter), use: cancel)
        routes.post(VolunteersRoute.checkIn(.parameter)) { request in
            let work = try request.workContext()
            let shift = try await work.shift(try request.routeID())
            try await Volunteers.checkIn(to: shift, in: work)
            return back(request, shift)
        }
        routes.post(VolunteersRoute.checkOut(.parameter)) { request in
            let work = try request.workContext()
            let shift = try await work.shift(try request.routeID())
            try await Volunteers.checkOut(of: shift, in: work)
            return back(request, shift)
        }
        routes.post(VolunteersRoute.confirm(.parameter), use: confirm)
        routes.post(VolunteersRoute.openings) { request in
            let typed = request.typedForm
            do {
                let opening = try await Volunteers.addOpening(AddOpening(form: typed), in: try request.workContext())
                return request.redirect(to: queryLink(VolunteersRoute.shifts.path, [("office", opening.officeID.uuidString.lowercased())]))
            } catch let errors as ValidationErrors {
                return try await week(request, errors: errors, typed: typed, status: .unprocessableEntity)
            }
        }
        routes.post(VolunteersRoute.openingRemove(.parameter)) { request in
            let opening = try await Volunteers.removeOpening(try request.routeID(), in: try request.workContext())
            return request.redirect(to: queryLink(VolunteersRoute.shifts.path, [("office", opening.officeID.uuidString.lowercased())]))
        }
    }

    /// The week of the shift, in its office.
    static func back(_ request: Request, _ shift: Shift) -> Response {
        request.redirect(to: backPath(shift))
    }

    static func backPath(_ shift: Shift) -> String {
        queryLink(VolunteersRoute.shifts.path, [("office", shift.officeID.uuidString.lowercased()), ("week", shift.day.description)])
    }

    static func week(_ request: Request, errors: ValidationErrors, typed: [String: String],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let work = try request.workContext()
        let managed = try await RosterController.managedOffices(request)
        let profile = try? await work.ownProfile()
        guard !managed.isEmpty || profile != nil else {
            try request.inOwnScope(.serveShifts)
            return request.page(request.t("shifts.title"), .p(.class("empty"), .text(request.t("error.no_volunteer_profile"))))
        }
        let asked = request.query[String.self, at: "office"].flatMap(UUID.init(uuidString:))
        let officeID = managed.first { $0.id == asked }?.id ?? profile?.officeID ?? managed.first { $0.id == work.actor.officeID }?.id
            ?? managed[0].id!
        let manage = managed.contains { $0.id == officeID }
        let day = request.query[String.self, at: "week"].flatMap { CalendarDate(iso: $0) } ?? request.today
        let monday = day.adding(days: -((day.dayNumber % 7 + 7 + 3) % 7))
        let view = try await WeekView.load(officeID: officeID, monday: monday, manage: manage, profile: profile, request: request)
        return request.page(request.t("shifts.title"), status: status,
                            view.render(request.pageContext, offices: managed, errors: errors, typed: typed, now: work.now))
    }

    static func plan(_ request: Request) async throws -> Response {
        let typed = request.typedForm
        do {
            let shifts = try await Volunteers.plan(PlanShifts(form: typed), in: try request.workContext())
            return back(request, shifts[0])
        } catch let errors as ValidationErrors {
            return try await week(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }

    /// Signing up (no `volunteer` field: oneself) or assigning (staff name the volunteer).
    static func place(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let shift = try await work.shift(try request.routeID())
        try await Volunteers.place(try await person(request, work, shift), on: shift, in: work)
        return back(request, shift)
    }

    static func cancel(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let shift = try await work.shift(try request.routeID())
        let volunteer = try await person(request, work, shift)
        try await Volunteers.cancel(volunteer, on: shift, noticeHours: request.application.shiftNoticeHours,
                                    byStaff: volunteer.userID != work.actor.userID, in: work)
        return back(request, shift)
    }

    static func confirm(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let shift = try await work.shift(try request.routeID())
        let volunteer = try await person(request, work, shift)
        try await Volunteers.confirm(volunteer, on: shift, hours: request.typedForm["hours"] ?? "", in: work)
        return back(request, shift)
    }

    /// The volunteer a form is about: the one named by staff who keep the office, else oneself.
    static func person(_ request: Request, _ work: WorkContext, _ shift: Shift) async throws -> Volunteer {
        if let raw = request.typedForm["volunteer"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else { throw HuzhuAbort(.unprocessableEntity, "error.choice_invalid") }
            return try await work.managedVolunteer(id)
        }
        return try await work.ownProfile()
    }
}
