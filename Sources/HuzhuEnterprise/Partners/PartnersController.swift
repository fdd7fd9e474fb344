import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The NGO's partner enterprises: the list and a new partnership, and one partnership's page: its
/// terms, its liaison accounts, its feedback (escalations past their deadline first), its poster
/// address, and its reports.
enum PartnersController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(EnterpriseRoute.partners) { request in try await list(request, errors: ValidationErrors(), typed: [:]) }
        routes.post(EnterpriseRoute.partners, use: create)
        routes.get(EnterpriseRoute.partner(.parameter), use: show)
        routes.post(EnterpriseRoute.partnerLiaisons(.parameter), use: addLiaison)
        routes.post(EnterpriseRoute.partner(.parameter), use: update)
    }

    static func list(_ request: Request, errors: ValidationErrors, typed: [String: String],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let partners = try await request.heldPartnerships()
        let actor = try request.requireActor()
        let staff = try await User.query(on: request.db).visible(try request.tenant()).filter(\.$active == true)
            .filter(\.$role ~~ [.ngoAdmin, .officeSupervisor, .caseworker]).sort(\.$displayName).all()
        let offices = try await managedOffices(request)
        let t = request.t
        return request.page(t("partners.title"), status: status, .group(
            .ul(.forEach(partners) { partner in
                .li(.a(.href(EnterpriseRoute.partner(.of(partner.id!)).path), .text(partner.name)),
                    .text(" · \(t("partners.since", partner.startOn.description))"))
            }),
            .if(partners.isEmpty, .p(.class("empty"), .text(t("partners.empty")))),
            .if(!offices.isEmpty, .section(.class("card"), .h2(.text(t("partners.new"))),
                Forms.errorSummary(errors, t),
                Forms.post(EnterpriseRoute.partners.path, request.pageContext,
                    Forms.text("employer_name", value: typed["employer_name"], errors: errors, t),
                    Forms.select("office", options: offices.map { ($0.id!.uuidString, $0.name) },
                                 selected: typed["office"] ?? actor.officeID?.uuidString, errors: errors, t),
                    Forms.text("start_on", value: typed["start_on"] ?? request.today.description, errors: errors, t, type: .date),
                    Forms.textarea("sites", value: typed["sites"], errors: errors, t, required: false, rows: 3),
                    Forms.select("responsible", options: staff.map { ($0.id!.uuidString, $0.displayName) },
                                 selected: typed["responsible"] ?? actor.userID.uuidString, errors: errors, t),
                    Forms.text("k", value: typed["k"] ?? "5", errors: errors, t, hint: t("partners.k_hint")),
                    Forms.text("report_months", value: typed["report_months"] ?? "1", errors: errors, t),
                    Forms.submit(t("partners.new")))))))
    }

    /// The offices in which the signed-in person may set up a partnership.
    private static func managedOffices(_ request: Request) async throws -> [Office] {
        guard let ngo = try request.requireActor().ngoID else { return [] }
        return try await Office.query(on: request.db).filter(\.$ngoID == ngo).sort(\.$name).all()
            .filter { request.may(.managePartners, in: .office(ngo: ngo, office: $0.id!)) }
    }

    static func create(_ request: Request) async throws -> Response {
        guard !(try await managedOffices(request)).isEmpty else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        let typed = request.typedForm
        var command = OpenPartnership(officeID: typed["office"].flatMap(UUID.init(uuidString:)), employerName: typed["employer_name"] ?? "",
                                      startOn: CalendarDate(iso: typed["start_on"] ?? ""),
                                      responsibleID: typed["responsible"].flatMap(UUID.init(uuidString:)), terms: PartnershipTerms(form: typed))
        if let raw = typed["start_on"], !raw.isEmpty, command.startOn == nil { command.unread.add("start_on", "error.date_format") }
        do {
            let partnership = try await Enterprise.openPartnership(command, in: try request.workContext())
            return request.redirect(to: EnterpriseRoute.partner(.of(partnership.id!)).path)
        } catch let errors as ValidationErrors {
            return try await list(request, errors: errors, typed: typed, status: .unprocessableEntity)
        }
    }

    /// Changes the terms: sites, threshold, reporting period, end of the partnership.
    static func update(_ request: Request) async throws -> Response {
        let partnership = try await request.partnership(try request.routeID(), .managePartners)
        let typed = request.typedForm
        var errors = ValidationErrors()
        let terms = PartnershipTerms(form: typed)
        terms.check(&errors)
        let raw = typed["end_on"] ?? ""
        let end = raw.isEmpty ? nil : CalendarDate(iso: raw)
        if let end, end < partnership.startOn { errors.add("end_on", "error.end_before_start") }
        if !raw.isEmpty && end == nil { errors.add("end_on", "error.end_before_start") }
        guard errors.isEmpty, let k = terms.k, let months = terms.reportMonths else { throw errors }
        partnership.k = k
        partnership.reportMonths = months
        partnership.endOn = end
        partnership.sitesText = terms.sites.joined(separator: "\n")
        try await request.db.write { db in
            try await partnership.save(on: db)
            try await request.audit(.updatePartnership, recordType: "partnership", recordID: partnership.id, ngoID: partnership.ngoID,
                                    detail: .fields("k", "report_months", "end_on", "sites"), on: db)
        }
        return request.redirect(to: EnterpriseRoute.partner(.of(partnership.id!)).path)
    }

    static func addLiaison(_ request: Request) async throws -> Response {
        let partnership = try await request.partnership(try request.routeID(), .managePartners)
        let raw = try request.content.get(String?.self, at: "liaison") ?? nil
        guard let id = raw.flatMap(UUID.init(uuidString:)), let user = try await User.query(on: request.db).filter(\.$id == id)
            .visible(.ngo(partnership.ngoID)).filter(\.$role == .enterpriseLiaison).first()
        else { throw HuzhuAbort(.unprocessableEntity, "error.choice_invalid") }
        try await request.db.write { db in
            if try await PartnerLiaison.query(on: db).filter(\.$partnershipID == partnership.id!).filter(\.$userID == user.id!).first() == nil {
                let link = PartnerLiaison()
                link.ngoID = partnership.ngoID
                link.partnershipID = partnership.id!
                link.userID = user.id!
                try await link.create(on: db)
            }
            try await request.audit(.updatePartnership, recordType: "partnership", recordID: partnership.id, ngoID: partnership.ngoID,
                                    detail: .record("liaison", user.id!), on: db)
        }
        return request.redirect(to: EnterpriseRoute.partner(.of(partnership.id!)).path)
    }

    static func show(_ request: Request) async throws -> Response {
        let partnership = try await request.partnership(try request.routeID())
        let feedback = try await Feedback.query(on: request.db).filter(\.$partnershipID == partnership.id!)
            .sort(\.$createdAt, .descending).limit(200).all()
        let liaisons = try await PartnerLiaison.query(on: request.db).filter(\.$partnershipID == partnership.id!).all()
        let users = try await User.query(on: request.db).filter(\.$ngoID == partnership.ngoID).filter(\.$role == .enterpriseLiaison).all()
        let reports = try await EnterpriseReport.query(on: request.db).filter(\.$partnershipID == partnership.id!)
            .sort(\.$issuedAt, .descending).all()
        let now = request.application.clock.now()
        let t = request.t
        let page = request.pageContext
        let manage = request.may(.managePartners, in: partnership.scope)
        let overdue = feedback.filter { $0.ackDueAt.map { $0 < now } == true && $0.acknowledgedAt == nil }
        return request.page(partnership.name, .group(
            .if(!overdue.isEmpty, .p(.class("notice error"), .text(t("partners.unacknowledged", String(overdue.count))))),
            .section(.class("card"),
                .dl(t.detail("field.start_on", partnership.startOn.description), t.detail("field.end_on", partnership.endOn?.description), t.detail("field.sites", partnership.sites.joined(separator: "、")),
                    t.detail("field.k", String(partnership.k)), t.detail("field.report_months", String(partnership.reportMonths)),
                    t.detail("partners.form_address", EnterpriseRoute.voice(.of(partnership.formToken)).path),
                    t.detail("partners.liaisons", users.filter { user in liaisons.contains { $0.userID == user.id } }
                        .map(\.displayName).joined(separator: "、"))),
                .p(.a(.class("button"), .href(queryLink(EnterpriseRoute.newFeedback.path, [("partner", partnership.id!.uuidString)])),
                      .text(t("feedback.new")))),
                .if(manage, Forms.post(EnterpriseRoute.partner(.of(partnership.id!)).path, page,
                    Forms.textarea("sites", value: partnership.sitesText, errors: ValidationErrors(), t, required: false, rows: 3),
                    Forms.text("k", value: String(partnership.k), errors: ValidationErrors(), t, hint: t("partners.k_hint")),
                    Forms.text("report_months", value: String(partnership.reportMonths), errors: ValidationErrors(), t),
                    Forms.text("end_on", value: partnership.endOn?.description, errors: ValidationErrors(), t, type: .date, required: false),
                    Forms.submit(t("form.save")))),
                .if(manage && !users.isEmpty, Forms.post(EnterpriseRoute.partnerLiaisons(.of(partnership.id!)).path, page,
                    Forms.select("liaison", options: users.map { ($0.id!.uuidString, $0.displayName) }, selected: nil,
                                 errors: ValidationErrors(), t),
                    Forms.submit(t("partners.add_liaison"))))),
            .section(.class("card"), .h2(.text(t("feedback.title"))),
                .if(feedback.isEmpty, .p(.class("empty"), .text(t("feedback.empty")))),
                .table(.class("stack"), .tbody(.forEach(feedback) { item in
                    .tr(.td(.a(.href(EnterpriseRoute.feedback(.of(item.id!)).path), .text(t.dateTime(item.createdAt)))),
                        .td(.text(t("feedback_category.\(item.category.rawValue)"))),
                        .td(.span(.class(item.severity == .urgent ? "status overdue" : "status"),
                                  .text(t("feedback_severity.\(item.severity.rawValue)")))),
                        .td(.text(t("feedback_status.\(item.status.rawValue)"))),
                        .td(.text(overdue.contains { $0.id == item.id } ? t("feedback.ack_overdue") : "")))
                }))),
            ReportsView.section(partnership, reports: reports, manage: manage, today: request.today, page)))
    }
}
