import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// One volunteer's page, as a view value: who they are, their status and its history, their courses and
/// what each duty still lacks, their approved hours by month.
struct VolunteerView {
    let volunteer: Volunteer
    let name: String
    let phone: String?
    let officeName: String
    let history: [VolunteerStatusChange]
    let courses: [Course]
    let completions: [CourseCompletion]
    let gaps: [(duty: Duty, lacking: [String])]
    let monthlyMinutes: [(month: String, minutes: Int)]
    let today: CalendarDate
    /// Where the profile may be moved, and the logins it may be linked to.
    let offices: [Office]
    let logins: [(value: String, label: String)]

    static func load(_ volunteer: Volunteer, request: Request) async throws -> VolunteerView {
        let db = request.db
        let cipher = request.application.fieldCipher
        let courses = try await Course.query(on: db).filter(\.$ngoID == volunteer.ngoID).sort(\.$name).all()
        let byDuty = try await Training.gaps(volunteer, for: Duty.allCases, on: request.today, db: db)
        let gaps = Duty.allCases.compactMap { duty in byDuty[duty].flatMap { $0.isEmpty ? nil : (duty, $0.map(\.course.name)) } }
        let hours = try await HourLog.query(on: db).filter(\.$volunteerID == volunteer.id!).filter(\.$approvedAt != nil).all()
        let offices = try await RosterController.managedOffices(request).filter { $0.ngoID == volunteer.ngoID }
        let months = Dictionary(grouping: hours) { String($0.workedOn.description.prefix(7)) }
            .map { ($0.key, $0.value.reduce(0) { $0 + $1.minutes }) }.sorted { $0.0 > $1.0 }
        return VolunteerView(
            volunteer: volunteer, name: try cipher.open(volunteer.nameCipher),
            phone: try volunteer.phoneCipher.map { try PhoneNumber(try cipher.open($0)).masked },
            officeName: try await Office.find(volunteer.officeID, on: db)?.name ?? "",
            history: try await VolunteerStatusChange.query(on: db).filter(\.$volunteerID == volunteer.id!).sort(\.$at, .descending).all(),
            courses: courses,
            completions: try await CourseCompletion.query(on: db).filter(\.$volunteerID == volunteer.id!).sort(\.$completedOn, .descending).all(),
            gaps: gaps, monthlyMinutes: months, today: request.today,
            offices: offices, logins: try await ProfileForm.logins(request, offices: offices, keeping: volunteer))
    }

    /// `typed`: the profile form as last sent, when it was refused.
    func render(_ page: PageContext, errors: ValidationErrors, typed: [String: String]?) -> Node<HTML.BodyContext> {
        let t = page.t
        let id = RouteID.of(volunteer.id!)
        return .group(
            Forms.errorSummary(errors, t),
            .section(.class("card"),
                .dl(t.detail("field.volunteer_kind", t("volunteer.kind.\(volunteer.kind.rawValue)")),
                    t.detail("field.status", t("volunteer.status.\(volunteer.status.rawValue)") + " · " + volunteer.statusSince.description),
                    t.detail("field.office", officeName), t.detail("field.phone", phone),
                    t.detail("field.certificate", volunteer.certificate), t.detail("field.firm", volunteer.firm),
                    t.detail("field.firm_clients", volunteer.firmClientNames.joined(separator: "、")),
                    t.detail("field.skills", volunteer.skills), t.detail("field.languages", volunteer.languages),
                    t.detail("field.availability", volunteer.availability)),
                .p(.a(.href(VolunteersRoute.certificate(id).path), .text(t("certificate.title")))),
                Forms.action(t("volunteer.edit"), open: typed != nil, VolunteersRoute.volunteerProfile(id).path, page,
                             nodes: ProfileForm.fields(typed ?? ProfileForm.typed(volunteer, name: name), errors: typed == nil ? ValidationErrors() : errors,
                                                       offices: offices, logins: logins, enrolling: false, t) + [Forms.submit(t("volunteer.edit")) as Node<HTML.FormContext>])),
            .section(.class("card"), .h2(.text(t("volunteer.duties"))),
                .ul(.forEach(Duty.allCases) { duty in
                    let lacking = gaps.first { $0.duty == duty }?.lacking ?? []
                    return .li(.text(t("duty.\(duty.rawValue)") + ": "),
                               lacking.isEmpty ? .text(t("volunteer.qualified"))
                                   : .span(.class("error"), .text(t("volunteer.lacking", lacking.joined(separator: "、")))))
                })),
            .section(.class("card"), .h2(.text(t("volunteer.courses"))),
                .ul(.forEach(completions) { completion in
                    .li(.text("\(courses.first { $0.id == completion.courseID }?.name ?? "") · \(completion.completedOn) · "
                              + "\(completion.trainer) · \(t(completion.passed ? "course.passed" : "course.failed"))"))
                }),
                .if(!courses.isEmpty, Forms.action(t("volunteer.record_completion"), open: errors.messageKey(for: "course") != nil
                    || errors.messageKey(for: "completed_on") != nil || errors.messageKey(for: "trainer") != nil,
                    VolunteersRoute.volunteerCompletions(id).path, page,
                    Forms.select("course", options: courses.map { ($0.id!.uuidString, $0.name) }, selected: nil, errors: errors, t),
                    Forms.text("completed_on", value: today.description, errors: errors, t, type: .date),
                    Forms.text("trainer", value: nil, errors: errors, t),
                    Forms.radios("result", options: [("passed", t("course.passed")), ("failed", t("course.failed"))], selected: "passed",
                                 errors: errors, t),
                    Forms.submit(t("volunteer.record_completion"))))),
            .section(.class("card"), .h2(.text(t("volunteer.history"))),
                .ul(.forEach(history) { change in
                    .li(.text("\(change.on) · \(t("volunteer.status.\(change.status.rawValue)"))" + (change.reason.isEmpty ? "" : " · \(change.reason)")))
                }),
                .if(!volunteer.status.moves.isEmpty, Forms.action(t("volunteer.move"), open: errors.messageKey(for: "status") != nil
                    || errors.messageKey(for: "reason") != nil || errors.messageKey(for: "on") != nil, VolunteersRoute.volunteerStatus(id).path, page,
                    Forms.select("status", options: volunteer.status.moves.map { ($0.rawValue, t("volunteer.status.\($0.rawValue)")) },
                                 selected: nil, errors: errors, t),
                    Forms.text("on", value: today.description, errors: errors, t, type: .date),
                    Forms.textarea("reason", value: nil, errors: errors, t),
                    Forms.submit(t("volunteer.move"))))),
            .section(.class("card"), .h2(.text(t("volunteer.hours_by_month"))),
                .ul(.forEach(monthlyMinutes) { .li(.text("\($0.month): \(t("hours.amount", Hours.text($0.minutes)))")) }),
                .if(monthlyMinutes.isEmpty, .p(.class("empty"), .text(t("hours.none"))))))
    }
}

/// Hours as people read them: `2.5`, `3`.
enum Hours {
    static func text(_ minutes: Int) -> String {
        minutes % 60 == 0 ? String(minutes / 60) : String(format: "%.2f", Double(minutes) / 60).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}
