import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// Whether closing a case needs a supervisor's approval, per office: an NGO admin sets it for every
/// office of the NGO, a supervisor for their own.
enum CaseSettingsController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.caseSettings, use: show)
        routes.post(CasesRoute.caseSettings, use: save)
    }

    static func offices(_ request: Request) async throws -> [Office] {
        let actor = try request.requireActor()
        guard let ngo = actor.ngoID else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        let offices = try await Office.query(on: request.db).filter(\.$ngoID == ngo).sort(\.$code).all()
            .filter { request.may(.configureCases, in: .office(ngo: ngo, office: $0.id!)) }
        guard !offices.isEmpty else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        return offices
    }

    static func show(_ request: Request) async throws -> Response {
        let offices = try await offices(request)
        let settings = try await CaseSettings.query(on: request.db).filter(\.$id ~~ offices.compactMap(\.id)).all()
        let needs = Set(settings.filter(\.closingNeedsApproval).compactMap(\.id))
        let t = request.t
        return request.page(t("case_settings.title"), .section(.class("card"),
            Forms.post(CasesRoute.caseSettings.path, request.pageContext,
                Forms.checkboxes("approval_offices", options: offices.map { ($0.id!.uuidString, "\($0.code) · \($0.name)") },
                                 checked: Set(needs.map(\.uuidString)), errors: ValidationErrors(), t, required: false),
                .p(.class("hint"), .text(t("case_settings.hint"))),
                Forms.submit(t("form.save")))))
    }

    static func save(_ request: Request) async throws -> Response {
        let offices = try await offices(request)
        struct Input: Content { var approval_offices: [String]? }
        let chosen = Set((try request.content.decode(Input.self).approval_offices ?? []).compactMap(UUID.init(uuidString:)))
        try await request.db.write { db in
            for office in offices {
                let needs = chosen.contains(office.id!)
                let existing = try await CaseSettings.find(office.id, on: db)
                if (existing?.closingNeedsApproval ?? false) == needs { continue }
                let settings = existing ?? CaseSettings()
                if existing == nil {
                    settings.id = office.id
                    settings.ngoID = office.ngoID
                }
                settings.closingNeedsApproval = needs
                try await settings.save(on: db)
                try await request.audit(.configureCases, recordType: "office", recordID: office.id, ngoID: office.ngoID,
                                        detail: .fields("closing_needs_approval"), on: db)
            }
        }
        return request.redirect(to: CasesRoute.caseSettings.path)
    }
}
