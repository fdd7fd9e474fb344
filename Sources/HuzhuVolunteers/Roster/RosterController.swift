import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// An office's volunteers: the list with its filters and the enrolment form, one volunteer's page (status
/// and its history, courses and what each duty still lacks, hours by month), and the NGO's courses.
enum RosterController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(VolunteersRoute.volunteers) { try await list($0, errors: ValidationErrors(), typed: [:]) }
        routes.post(VolunteersRoute.volunteers, use: enrol)
        routes.get(VolunteersRoute.volunteer(.parameter)) { try await show($0, errors: ValidationErrors()) }
        routes.post(VolunteersRoute.volunteerProfile(.parameter), use: update)
        routes.post(VolunteersRoute.volunteerStatus(.parameter), use: move)
        routes.post(VolunteersRoute.volunteerCompletions(.parameter), use: complete)
        routes.get(VolunteersRoute.courses) { try await courses($0, errors: ValidationErrors()) }
        routes.post(VolunteersRoute.courses, use: createCourse)
        routes.post(VolunteersRoute.requirements, use: require)
    }

    static func list(_ request: Request, errors: ValidationErrors, typed: [String: String],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        try request.inOwnScope(.manageVolunteers)
        let t = request.t
        let wanted = VolunteerStatus(rawValue: request.query[String.self, at: "list_status"] ?? "")
        let kind = VolunteerKind(rawValue: request.query[String.self, at: "list_kind"] ?? "")
        let query = Volunteer.query(on: request.db).visible(try request.visibility(.manageVolunteers))
        if let wanted { query.filter(\.$status == wanted) }
        if let kind { query.filter(\.$kind == kind) }
        let volunteers = try await query.sort(\.$createdAt, .descending).limit(500).all()
        let offices = try await managedOffices(request)
        let names = Dictionary(uniqueKeysWithValues: offices.map { ($0.id!, $0.name) })
        let cipher = request.application.fieldCipher
        var shown = typed
        if shown["office"] == nil { shown["office"] = request.actor?.officeID?.uuidString }
        return request.page(t("volunteers.title"), status: status, .group(
            .nav(.class("subnav"), .a(.href(VolunteersRoute.courses.path), .text(t("courses.title"))), .text(" · "),
                 .a(.href(VolunteersRoute.shifts.path), .text(t("shifts.title"))), .text(" · "),
                 .a(.href(VolunteersRoute.hours.path), .text(t("hours.title"))), .text(" · "),
                 .a(.href(VolunteersRoute.importRoster.path), .text(t("roster_import.title"))), .text(" · "),
                 .a(.href(VolunteersRoute.firms.path), .text(t("firms.title")))),
            .form(.method(.get), .action(VolunteersRoute.volunteers.path), .class("filters"),
                  Forms.select("list_status", options: VolunteerStatus.allCases.map { ($0.rawValue, t("volunteer.status.\($0.rawValue)")) },
                               selected: wanted?.rawValue, errors: ValidationErrors(), t, required: false),
                  Forms.select("list_kind", options: VolunteerKind.allCases.map { ($0.rawValue, t("volunteer.kind.\($0.rawValue)")) },
                               selected: kind?.rawValue, errors: ValidationErrors(), t, required: false),
                  Forms.submit(t("list.filter"))),
            .table(.thead(.tr(.th(.text(t("field.name"))), .th(.text(t("field.volunteer_kind"))), .th(.text(t("field.status"))),
                              .th(.text(t("field.office"))))),
                   .tbody(.forEach(volunteers) { volunteer in
                       .tr(.td(.a(.href(VolunteersRoute.volunteer(.of(volunteer.id!)).path), .text((try? cipher.open(volunteer.nameCipher)) ?? "—"))),
                           .td(.text(t("volunteer.kind.\(volunteer.kind.rawValue)"))),
                           .td(.text(t("volunteer.status.\(volunteer.status.rawValue)") + " · " + volunteer.statusSince.description)),
                           .td(.text(names[volunteer.officeID] ?? "")))
                   })),
            .if(volunteers.isEmpty, .p(.class("empty"), .text(t("volunteers.empty")))),
            Forms.action(t("volunteers.new"), open: !errors.isEmpty, VolunteersRoute.volunteers.path, request.pageContext, nodes: [
                Forms.errorSummary(errors, t) as Node<HTML.FormContext>,
            ] + ProfileForm.fields(shown, errors: errors, offices: offices, logins: try await ProfileForm.logins(request, offices: offices),
                                   enrolling: true, t) + [
                Forms.submit(t("volunteers.new")) as Node<HTML.FormContext>,
            ])))
    }

    /// The offices whose corps the signed-in person keeps.
    static func managedOffices(_ request: Request) async throws -> [Office] {
        try await Office.query(on: request.db).visible(try request.tenant()).sort(\.$name).all()
            .filter { request.may(.manageVolunteers, in: .office(ngo: $0.ngoID, office: $0.id!)) }
    }

    static func enrol(_ request: Request) async throws -> Response {
        try request.inOwnScope(.manageVolunteers)
        let typed = request.typedForm
        do {
            let volunteer = try await Volunteers.enrol(EnrolVolunteer(form: typed), in: try request.workContext())
            return request.redirect(to: VolunteersRoute.volunteer(.of(volunteer.id!)).path)
        } catch let errors as ValidationErrors {
            return try await list(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }

    static func show(_ request: Request, errors: ValidationErrors, typed: [String: String]? = nil,
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let work = try request.workContext()
        let volunteer = try await work.managedVolunteer(try request.routeID())
        let view = try await VolunteerView.load(volunteer, request: request)
        try await work.write { work in
            try await work.audit(.viewVolunteer, recordType: "volunteer", recordID: volunteer.id, ngoID: volunteer.ngoID)
        }
        return request.page(view.name, status: status, view.render(request.pageContext, errors: errors, typed: typed))
    }

    static func update(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let volunteer = try await work.managedVolunteer(try request.routeID())
        let typed = request.typedForm
        do {
            try await Volunteers.update(volunteer, EnrolVolunteer(form: typed), in: work)
            return request.redirect(to: VolunteersRoute.volunteer(.of(volunteer.id!)).path)
        } catch let errors as ValidationErrors {
            return try await show(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }

    static func move(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let volunteer = try await work.managedVolunteer(try request.routeID())
        let form = request.typedForm
        do {
            try await Volunteers.move(volunteer, to: form["status"] ?? "", on: form["on"] ?? "", reason: form["reason"] ?? "", in: work)
            return request.redirect(to: VolunteersRoute.volunteer(.of(volunteer.id!)).path)
        } catch let errors as ValidationErrors {
            return try await show(request, errors: errors, status: .unprocessableEntity)
        }
    }

    static func complete(_ request: Request) async throws -> Response {
        let work = try request.workContext()
        let volunteer = try await work.managedVolunteer(try request.routeID())
        do {
            try await Training.recordCompletion(of: volunteer, form: request.typedForm, in: work)
            return request.redirect(to: VolunteersRoute.volunteer(.of(volunteer.id!)).path)
        } catch let errors as ValidationErrors {
            return try await show(request, errors: errors, status: .unprocessableEntity)
        }
    }

    static func courses(_ request: Request, errors: ValidationErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let ngo = try request.workContext().keptNGO()
        let t = request.t
        let courses = try await Course.query(on: request.db).filter(\.$ngoID == ngo).sort(\.$name).all()
        let requirements = try await DutyRequirement.query(on: request.db).filter(\.$ngoID == ngo).all()
        let page = request.pageContext
        return request.page(t("courses.title"), status: status, .group(
            Forms.errorSummary(errors, t),
            .table(.thead(.tr(.th(.text(t("field.name"))), .th(.text(t("field.validity_months"))), .th(.text(t("courses.required_for"))))),
                   .tbody(.forEach(courses) { course in
                       .tr(.td(.text(course.name)),
                           .td(.text(course.validityMonths.map { t("courses.months", String($0)) } ?? t("courses.no_expiry"))),
                           .td(.text(requirements.filter { $0.courseID == course.id }.map { t("duty.\($0.duty.rawValue)") }.joined(separator: "、"))))
                   })),
            .if(courses.isEmpty, .p(.class("empty"), .text(t("courses.empty")))),
            Forms.action(t("courses.new"), open: errors.messageKey(for: "name") != nil || errors.messageKey(for: "validity_months") != nil,
                         VolunteersRoute.courses.path, page,
                Forms.text("name", value: nil, errors: errors, t),
                Forms.text("validity_months", value: nil, errors: errors, t, required: false, hint: t("courses.validity_hint")),
                Forms.submit(t("courses.new"))),
            .if(!courses.isEmpty, Forms.action(t("courses.require"), open: false, VolunteersRoute.requirements.path, page,
                Forms.select("duty", options: Duty.allCases.map { ($0.rawValue, t("duty.\($0.rawValue)")) }, selected: nil, errors: errors, t),
                Forms.select("course", options: courses.map { ($0.id!.uuidString, $0.name) }, selected: nil, errors: errors, t),
                Forms.submit(t("courses.require"))))))
    }

    static func createCourse(_ request: Request) async throws -> Response {
        let form = request.typedForm
        do {
            _ = try await Training.createCourse(name: form["name"] ?? "", validityMonths: form["validity_months"] ?? "", in: try request.workContext())
            return request.redirect(to: VolunteersRoute.courses.path)
        } catch let errors as ValidationErrors {
            return try await courses(request, errors: errors, status: .unprocessableEntity)
        }
    }

    static func require(_ request: Request) async throws -> Response {
        let form = request.typedForm
        do {
            try await Training.require(form["course"] ?? "", for: form["duty"] ?? "", in: try request.workContext())
            return request.redirect(to: VolunteersRoute.courses.path)
        } catch let errors as ValidationErrors {
            return try await courses(request, errors: errors, status: .unprocessableEntity)
        }
    }
}
