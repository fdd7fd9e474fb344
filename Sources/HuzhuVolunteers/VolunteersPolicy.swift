import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

extension Permission {
    /// Keep an office's volunteer corps: profiles, courses and completions, shifts and who is on them,
    /// approving hours. Scope: the office.
    static let manageVolunteers = Permission("corps.manage")
    /// Serve on one's own office's shifts with one's own profile: sign up, give up a place, check in and
    /// out, log hours. Scope: the office.
    static let serveShifts = Permission("corps.serve")
}

extension AuditAction {
    static let enrolVolunteer = AuditAction("corps.profile.create")
    static let viewVolunteer = AuditAction("corps.profile.view")
    static let moveVolunteer = AuditAction("corps.profile.status")
    static let updateVolunteer = AuditAction("corps.profile.update")
    static let reportFirms = AuditAction("corps.firms.report")
    static let createCourse = AuditAction("corps.course.create")
    static let requireCourse = AuditAction("corps.course.require")
    static let recordCompletion = AuditAction("corps.completion.record")
    static let planShifts = AuditAction("corps.shift.create")
    static let takePlace = AuditAction("corps.place.take")
    static let cancelPlace = AuditAction("corps.place.cancel")
    static let attend = AuditAction("corps.attendance.record")
    static let logHours = AuditAction("corps.hours.log")
    static let decideHours = AuditAction("corps.hours.decide")
    static let importVolunteers = AuditAction("corps.profile.import")
    static let setOpening = AuditAction("corps.opening.set")

    static let volunteers: [AuditAction] = [
        .enrolVolunteer, .viewVolunteer, .moveVolunteer, .updateVolunteer, .reportFirms, .createCourse, .requireCourse, .recordCompletion, .planShifts, .takePlace,
        .cancelPlace, .attend, .logHours, .decideHours, .importVolunteers, .setOpening,
    ]
}

enum VolunteersPolicy {
    static func grant(_ policy: inout Policy) {
        policy.grant(.manageVolunteers, to: [.networkAdmin, .ngoAdmin, .officeSupervisor])
        policy.grant(.serveShifts, to: [.officeSupervisor, .caseworker, .hotlineVolunteer, .volunteerLawyer])
    }
}

extension WorkContext {
    /// A volunteer by id, if the actor may keep the office's corps; another office's does not exist for them.
    func managedVolunteer(_ id: UUID) async throws -> Volunteer {
        try keepsVolunteers()
        guard let found = try await Volunteer.query(on: db).filter(\.$id == id).visible(Policy.tenant(of: actor)).first(),
              may(.manageVolunteers, in: found.scope) else { throw HuzhuAbort.notFound }
        return found
    }

    /// Refuses (403) anyone who keeps no corps where they work, before a record is looked at.
    func keepsVolunteers() throws {
        guard may(.manageVolunteers, in: Policy.ownScope(of: actor)) else { throw HuzhuAbort(.forbidden, "error.forbidden") }
    }

    /// An office by id, if the actor keeps its corps; otherwise the form's office is not a choice.
    func keptOffice(_ id: UUID?) async throws -> Office {
        try keepsVolunteers()
        guard let id, let office = try await Office.query(on: db).filter(\.$id == id).visible(Policy.tenant(of: actor)).first(),
              may(.manageVolunteers, in: .office(ngo: office.ngoID, office: id))
        else { throw ValidationErrors([FieldError("office", "error.choice_invalid")]) }
        return office
    }

    /// The actor's NGO, if they keep volunteers where they work (courses are the whole NGO's).
    func keptNGO() throws -> UUID {
        try keepsVolunteers()
        guard let ngo = actor.ngoID else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        return ngo
    }

    /// The actor's own volunteer profile, if they may serve in its office.
    func ownProfile() async throws -> Volunteer {
        guard let found = try await Volunteer.query(on: db).filter(\.$userID == actor.userID).first(),
              may(.serveShifts, in: found.scope) else { throw HuzhuAbort(.forbidden, "error.no_volunteer_profile") }
        return found
    }

    /// A shift by id, if the actor may serve on or keep its office's shifts.
    func shift(_ id: UUID) async throws -> Shift {
        guard let found = try await Shift.query(on: db).filter(\.$id == id).visible(Policy.tenant(of: actor)).first(),
              may(.manageVolunteers, in: found.scope) || may(.serveShifts, in: found.scope) else { throw HuzhuAbort.notFound }
        return found
    }
}
