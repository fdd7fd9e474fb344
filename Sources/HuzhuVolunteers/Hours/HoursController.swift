import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// Hours: one's own (logging work outside shifts), and for supervisors the hours waiting for approval and
/// the month's approved hours per volunteer of their offices.
enum HoursController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(VolunteersRoute.hours) { try await page($0, errors: ValidationErrors(), typed: [:]) }
        routes.post(VolunteersRoute.hours, use: log)
        routes.post(VolunteersRoute.hoursDecision(.parameter)) { request in
            let decision = request.typedForm["decision"]
            guard decision == "approve" || decision == "reject" else { throw HuzhuAbort(.unprocessableEntity, "error.choice_invalid") }
            try await Volunteers.decide(try request.routeID(), approve: decision == "approve", in: try request.workContext())
            return request.redirect(to: VolunteersRoute.hours.path)
        }
    }

    static func page(_ request: Request, errors: ValidationErrors, typed: [String: String],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let work = try request.workContext()
        let manage = try request.visibility(.manageVolunteers)
        let profile = try? await work.ownProfile()
        guard manage != .nothing || profile != nil else {
            try request.inOwnScope(.serveShifts)
            return request.page(request.t("hours.title"), .p(.class("empty"), .text(request.t("error.no_volunteer_profile"))))
        }
        let t = request.t
        let cipher = request.application.fieldCipher
        let mine = try await profile.asyncMap { profile in
            try await HourLog.query(on: request.db).filter(\.$volunteerID == profile.id!).sort(\.$workedOn, .descending).limit(60).all()
        } ?? []
        let pending = manage == .nothing ? [] : try await HourLog.query(on: request.db).visible(manage).filter(\.$approvedAt == nil)
            .filter(\.$rejectedAt == nil).sort(\.$workedOn).limit(200).all()
        let month = IndicatorPeriod.month(request.today.year, request.today.month)
        let approved = manage == .nothing ? [] : try await HourLog.query(on: request.db).visible(manage).filter(\.$approvedAt != nil)
            .filter(\.$workedOn >= month.from).filter(\.$workedOn < month.to).all()
        let people = Set(pending.map(\.volunteerID) + approved.map(\.volunteerID))
        let names = people.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await Volunteer.query(on: request.db)
            .filter(\.$id ~~ Array(people)).all().map { ($0.id!, (try? cipher.open($0.nameCipher)) ?? "") })
        let totals = Dictionary(grouping: approved, by: \.volunteerID).map { (names[$0.key] ?? "", $0.value.reduce(0) { $0 + $1.minutes }) }
            .sorted { $0.0 < $1.0 }
        let pageContext = request.pageContext
        return request.page(t("hours.title"), status: status, .group(
            .if(manage != .nothing, .section(.class("card"), .h2(.text(t("hours.pending"))),
                .if(pending.isEmpty, .p(.class("empty"), .text(t("hours.none_pending")))),
                .ul(.forEach(pending) { entry in
                    .li(.text("\(names[entry.volunteerID] ?? "") · \(entry.workedOn) · \(t("hours.amount", Hours.text(entry.minutes))) · "
                              + t("hours.kind.\(entry.kind.rawValue)") + (entry.noteCipher.flatMap { try? cipher.open($0) }.map { " · " + $0 } ?? "")),
                        Forms.post(VolunteersRoute.hoursDecision(.of(entry.id!)).path, pageContext,
                                   Forms.hidden("decision", "approve"), Forms.submit(t("hours.approve"))),
                        Forms.post(VolunteersRoute.hoursDecision(.of(entry.id!)).path, pageContext,
                                   Forms.hidden("decision", "reject"), Forms.submit(t("hours.reject"))))
                }))),
            .if(manage != .nothing, .section(.class("card"), .h2(.text(t("hours.month_totals", month.label))),
                .ul(.forEach(totals) { .li(.text("\($0.0): \(t("hours.amount", Hours.text($0.1)))")) }),
                .if(totals.isEmpty, .p(.class("empty"), .text(t("hours.none")))))),
            .if(profile != nil, .section(.class("card"), .h2(.text(t("hours.mine"))),
                .ul(.forEach(mine) { entry in
                    .li(.text("\(entry.workedOn) · \(t("hours.amount", Hours.text(entry.minutes))) · \(t("hours.kind.\(entry.kind.rawValue)")) · "
                              + t(entry.approvedAt != nil ? "hours.approved" : entry.rejectedAt != nil ? "hours.rejected" : "hours.waiting")))
                }),
                .if(mine.isEmpty, .p(.class("empty"), .text(t("hours.none")))),
                Forms.action(t("hours.log"), open: !errors.isEmpty, VolunteersRoute.hours.path, pageContext, nodes: [
                    Forms.errorSummary(errors, t),
                    Forms.text("worked_on", value: typed["worked_on"] ?? request.today.description, errors: errors, t, type: .date),
                    Forms.text("hours", value: typed["hours"], errors: errors, t, hint: t("hours.hours_hint")),
                    Forms.select("hours_kind", options: HoursKind.allCases.filter { $0 != .shift }.map { ($0.rawValue, t("hours.kind.\($0.rawValue)")) },
                                 selected: typed["hours_kind"], errors: errors, t),
                    Forms.textarea("note", value: typed["note"], errors: errors, t, required: false),
                    Forms.submit(t("hours.log")),
                ])))))
    }

    static func log(_ request: Request) async throws -> Response {
        let typed = request.typedForm
        do {
            _ = try await Volunteers.log(LogHours(form: typed), in: try request.workContext())
            return request.redirect(to: VolunteersRoute.hours.path)
        } catch let errors as ValidationErrors {
            return try await page(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }
}
