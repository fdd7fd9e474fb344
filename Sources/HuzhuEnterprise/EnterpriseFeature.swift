import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The communication hotline for partner enterprises: workers' anonymous voice, urgent escalation,
/// and reports that protect who spoke.
package enum EnterpriseFeature: Feature {
    package static func migrations(_ cipher: FieldCipher) -> [any Migration] {
        [CreateEnterpriseTables(), AddReportPeriods(), AddPartnershipOffices()]
    }

    package static func grant(_ policy: inout Policy) {
        EnterprisePolicy.grant(&policy)
    }

    package static let navigation: [NavItem] = [
        NavItem(titleKey: "partners.title", path: EnterpriseRoute.partners.path, permissions: [.workFeedback], order: 50),
        NavItem(titleKey: "portal.title", path: EnterpriseRoute.portal.path, permissions: [.usePortal], order: 51),
    ]

    package static let auditActions = AuditAction.enterprise
    package static let openAPI: Data? = nil
    package static let sealedColumns = ["description_cipher", "name_cipher", "callback_cipher"].map {
        SealedColumn(table: Feedback.schema, cipher: $0)
    }

    package static func routes(_ app: Application) throws {
        app.contactActions.append { request, contact in
            guard request.may(.workFeedback, in: .office(ngo: contact.ngoID, office: contact.officeID)) else { return nil }
            return (queryLink(EnterpriseRoute.newFeedback.path, [("contact", contact.id!.uuidString.lowercased())]), "feedback.from_contact")
        }
        app.workSources.append(EnterpriseWork.source)
        app.workerDataParts.append(WorkerFeedback.part)
        // At most a few submissions of the public form per address in ten minutes: enough to stop a flood
        // from one phone without keeping anything about who sent what.
        app.rateRules.append(RateRule(name: "voice", limit: 5, window: 600, messageKey: "voice.too_many") { request in
            request.method == .POST && request.url.path.hasPrefix("/voice/") ? request.clientAddress : nil
        })
        PartnersController.register(app.routes)
        FeedbackController.register(app.routes)
        VoiceController.register(app.routes)
        PortalController.register(app.routes)
    }

    package static func loadDemo(into app: Application) async throws -> [String] {
        try await DemoPartner.loadIfEmpty(into: app)
    }

    package static func commands(_ app: Application) {}
}

/// The demo's partner: an electronics supplier's plant in Shenzhen, with the demo liaison account and
/// its public form's address printed.
enum DemoPartner {
    static func loadIfEmpty(into app: Application) async throws -> [String] {
        let db = app.db
        guard try await Partnership.query(on: db).count() == 0,
              let office = try await Office.query(on: db).filter(\.$code == "SZ").first(),
              let liaison = try await User.query(on: db).filter(\.$login == "liaison").first(),
              let responsible = try await User.query(on: db).filter(\.$login == "ngoadmin").first() else { return [] }
        let partnership = Partnership()
        try await db.write { db in
            let employer = Employer()
            employer.ngoID = office.ngoID
            employer.name = "某电子科技（深圳）有限公司（演示）"
            employer.city = "深圳"
            employer.createdAt = Date()
            try await employer.create(on: db)
            partnership.ngoID = office.ngoID
            partnership.officeID = office.id
            partnership.employerID = employer.id!
            partnership.name = employer.name
            partnership.startOn = CalendarDate(year: 2026, month: 1, day: 1)!
            partnership.sitesText = "一厂 SMT 车间\n一厂 组装车间\n二厂\n宿舍区"
            partnership.reportMonths = 1
            partnership.responsibleID = responsible.id!
            partnership.k = 5
            partnership.formToken = UUID()
            partnership.createdAt = Date()
            try await partnership.create(on: db)
            let link = PartnerLiaison()
            link.ngoID = office.ngoID
            link.partnershipID = partnership.id!
            link.userID = liaison.id!
            try await link.create(on: db)
        }
        return ["合作企业意见表 / Partner feedback form: \(EnterpriseRoute.voice(.of(partnership.formToken)).path) (liaison: liaison)"]
    }
}
