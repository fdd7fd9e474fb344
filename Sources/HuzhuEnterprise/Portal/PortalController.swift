import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot
import Vapor

/// The enterprise liaison's portal: their enterprise's escalations and forwarded items (only the
/// summaries the NGO approved), to acknowledge and answer, and the reports issued to it. A liaison sees
/// nothing of a worker, and nothing of any other enterprise.
enum PortalController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(EnterpriseRoute.portal, use: show)
        routes.post(EnterpriseRoute.portalAcknowledge(.parameter), use: acknowledge)
        routes.post(EnterpriseRoute.portalRespond(.parameter), use: respond)
        routes.get(EnterpriseRoute.report(.parameter), use: report)
        routes.post(EnterpriseRoute.partnerReports(.parameter), use: issue)
    }

    static func show(_ request: Request) async throws -> Response {
        let partnerships = try await request.liaisonPartnerships()
        let ids = partnerships.compactMap(\.id)
        let items = ids.isEmpty ? [] : try await Feedback.query(on: request.db).filter(\.$partnershipID ~~ ids)
            .filter(\.$forwardedAt != nil).sort(\.$forwardedAt, .descending).limit(200).all()
        let reports = try await reportsInForce(ids, on: request.db).sorted { $0.issuedAt > $1.issuedAt }
        let t = request.t
        let page = request.pageContext
        let now = request.application.clock.now()
        let cipher = request.application.fieldCipher
        var names: [UUID: String] = [:]
        for item in items {
            guard let name = try item.nameForEnterprise(cipher) else { continue }
            names[item.id!] = name
            try await request.audit(.viewFeedback, recordType: "feedback", recordID: item.id, ngoID: item.ngoID,
                                    detail: AuditDetail("named to the enterprise"))
        }
        return request.page(t("portal.title"), .group(
            .if(partnerships.isEmpty, .p(.class("empty"), .text(t("portal.no_partnership")))),
            .section(.class("card"), .h2(.text(t("portal.items"))),
                .if(items.isEmpty, .p(.class("empty"), .text(t("portal.no_items")))),
                .forEach(items) { item in
                    .div(.class(item.escalatedAt != nil && item.acknowledgedAt == nil ? "notice error escalation" : "card item"),
                         .p(.strong(.text("\(t("feedback_category.\(item.category.rawValue)")) · \(t("feedback_severity.\(item.severity.rawValue)"))")),
                            .text(" · \(item.site ?? t("report.other_sites"))")),
                         .p(.class("prose summary"), .text(item.summary ?? "")),
                         .unwrap(names[item.id!]) { .p(.class("named"), .text(t("portal.named_worker", $0))) },
                         .unwrap(item.ackDueAt) { due in
                             .p(.text(item.acknowledgedAt.map { t("portal.acknowledged", t.dateTime($0)) }
                                      ?? t(due < now ? "portal.ack_overdue" : "portal.ack_by", t.dateTime(due))))
                         },
                         .if(item.escalatedAt != nil && item.acknowledgedAt == nil,
                             Forms.post(EnterpriseRoute.portalAcknowledge(.of(item.id!)).path, page, Forms.submit(t("portal.acknowledge")))),
                         .unwrap(item.response) { .p(.text("\(t("feedback.response")): \($0)")) },
                         .if(item.response == nil, Forms.post(EnterpriseRoute.portalRespond(.of(item.id!)).path, page,
                             Forms.textarea("response", value: nil, errors: ValidationErrors(), t, rows: 2),
                             Forms.submit(t("portal.respond")))))
                }),
            .section(.class("card"), .h2(.text(t("report.reports"))),
                .ul(.forEach(reports) { report in
                    .li(.a(.href(EnterpriseRoute.report(.of(report.id!)).path), .text(report.periodLabel)))
                }))))
    }

    /// A forwarded item of one of the liaison's enterprises.
    static func item(_ request: Request) async throws -> Feedback {
        let ids = try await request.liaisonPartnerships().compactMap(\.id)
        guard !ids.isEmpty, let item = try await Feedback.query(on: request.db).filter(\.$id == (try request.routeID()))
            .filter(\.$partnershipID ~~ ids).filter(\.$forwardedAt != nil).first() else { throw HuzhuAbort.notFound }
        return item
    }

    static func acknowledge(_ request: Request) async throws -> Response {
        let item = try await item(request)
        if item.acknowledgedAt == nil {
            item.acknowledgedAt = request.application.clock.now()
            try await request.db.write { db in
                try await item.save(on: db)
                try await request.audit(.acknowledgeEscalation, recordType: "feedback", recordID: item.id, ngoID: item.ngoID, on: db)
            }
        }
        return request.redirect(to: EnterpriseRoute.portal.path)
    }

    static func respond(_ request: Request) async throws -> Response {
        let item = try await item(request)
        let text = (try request.content.get(String?.self, at: "response") ?? nil)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty, text.count <= 4000 else { throw ValidationErrors([FieldError("response", text.isEmpty ? "error.required" : "error.text_too_long")]) }
        let now = request.application.clock.now()
        item.response = text
        item.respondedAt = now
        item.acknowledgedAt = item.acknowledgedAt ?? now
        if item.status < .responded { item.status = .responded }
        try await request.db.write { db in
            try await item.save(on: db)
            try await request.audit(.respondFeedback, recordType: "feedback", recordID: item.id, ngoID: item.ngoID, on: db)
        }
        return request.redirect(to: EnterpriseRoute.portal.path)
    }

    /// A report, to the enterprise's liaisons and the NGO's staff.
    static func report(_ request: Request) async throws -> Response {
        let actor = try request.requireActor()
        guard let report = try await EnterpriseReport.query(on: request.db).filter(\.$id == (try request.routeID()))
            .visible(try request.tenant()).first() else { throw HuzhuAbort.notFound }
        if actor.role == .enterpriseLiaison {
            // A replaced report is the NGO's record; the enterprise sees only the revision in force.
            guard try await request.liaisonPartnerships().contains(where: { $0.id == report.partnershipID }),
                  try await reportsInForce([report.partnershipID], on: request.db).contains(where: { $0.id == report.id }) else {
                throw HuzhuAbort.notFound
            }
        } else {
            _ = try await request.partnership(report.partnershipID)
        }
        try await request.audit(.viewReport, recordType: "enterprise_report", recordID: report.id, ngoID: report.ngoID)
        return request.page(request.t("report.reports"), .raw(report.html))
    }

    /// Issues a report for a month or quarter that has ended (the NGO's staff), kept as issued. A period
    /// may not overlap another report's; the same period again is a revision that replaces the report in
    /// force and must say why.
    static func issue(_ request: Request) async throws -> Response {
        let partnership = try await request.partnership(try request.routeID(), .managePartners)
        let form = try request.content.decode([String: String].self)
        let today = request.today
        guard let period = form["period"].flatMap(ReportPeriod.init), period.end <= today else {
            throw ValidationErrors([FieldError("period", "error.report_period")])
        }
        let reason = (form["revision_reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let inForce = try await reportsInForce([partnership.requireID()], on: request.db)
        let replaced = inForce.first { $0.period == period }
        if inForce.contains(where: { $0.period.map(period.overlaps) == true && $0.period != period }) {
            throw ValidationErrors([FieldError("period", "error.report_overlap")])
        }
        if replaced != nil && reason.isEmpty { throw ValidationErrors([FieldError("revision_reason", "error.revision_reason")]) }
        if reason.count > 500 { throw ValidationErrors([FieldError("revision_reason", "error.text_too_long")]) }
        let recommendations = form["recommendations"] ?? ""
        let now = request.application.clock.now()
        let (html, total) = try await ReportBuilder(db: request.db, partnership: partnership)
            .render(period, earlier: inForce.filter { $0.id != replaced?.id }, recommendations: String(recommendations.prefix(8000)),
                    issuedAt: now, Localizer(.zhHans))
        let report = EnterpriseReport()
        report.ngoID = partnership.ngoID
        report.partnershipID = partnership.id!
        report.period = period
        report.periodFrom = period.start
        report.periodTo = period.last
        report.shownTotal = total
        report.replacesID = replaced?.id
        report.revisionReason = replaced == nil ? nil : reason
        report.html = html.render()
        report.issuedBy = try request.requireActor().userID
        report.issuedAt = now
        try await request.db.write { db in
            try await report.create(on: db)
            try await request.audit(.issueReport, recordType: "enterprise_report", recordID: report.id, ngoID: report.ngoID, on: db)
        }
        return request.redirect(to: EnterpriseRoute.report(.of(report.id!)).path)
    }

    /// These partnerships' reports that no revision has replaced.
    static func reportsInForce(_ partnershipIDs: [UUID], on db: any Database) async throws -> [EnterpriseReport] {
        guard !partnershipIDs.isEmpty else { return [] }
        let reports = try await EnterpriseReport.query(on: db).filter(\.$partnershipID ~~ partnershipIDs).all()
        let replaced = Set(reports.compactMap(\.replacesID))
        return reports.filter { !replaced.contains($0.id!) }
    }
}
