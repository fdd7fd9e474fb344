import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// Showing a case's documents as they render now, finalising one as a dated version kept with the
/// case, and reading a kept version.
enum DocumentsController {
    static func register(_ routes: any RoutesBuilder) {
        for kind in CaseDocuments.Kind.allCases {
            routes.get(CasesRoute.document(.parameter, kind.rawValue)) { request in try await show(kind, request) }
            routes.post(CasesRoute.finalise(.parameter, kind.rawValue)) { request in try await finalise(kind, request) }
        }
        routes.get(CasesRoute.documentVersion(.parameter), use: version)
    }

    static func source(_ kind: CaseDocuments.Kind, _ access: CaseAccess, _ request: Request) async throws -> CaseDocuments.Source {
        let found = access.case
        let model = try await CasePageQuery.load(
            access, group: nil, mayApprove: false, mayReadWorkers: false, mayReadEmployers: false, today: request.today,
            cipher: request.application.fieldCipher, on: request.db)
        var agreement: CaseMediation.AgreementLine?
        if kind == .mediationAgreement {
            let id = request.query[UUID.self, at: "agreement"] ?? (try? request.content.get(UUID.self, at: "agreement"))
            agreement = model.mediation.agreements.first { $0.agreement.id == id }
            if agreement == nil { throw HuzhuAbort.notFound }
        }
        return CaseDocuments.Source(model: model, committee: try await MediationCommittee.find(found.officeID, on: request.db),
                                    agreement: agreement, officeName: model.officeName)
    }

    static func show(_ kind: CaseDocuments.Kind, _ request: Request) async throws -> Response {
        let access = try await request.readCase()
        let source = try await source(kind, access, request)
        let versions = try await CaseDocument.query(on: request.db).filter(\.$caseID == access.case.requireID())
            .filter(\.$kind == kind.rawValue).sort(\.$version, .descending).all()
        let t = request.t
        let page = request.pageContext
        return request.page("\(access.case.number) · \(kind.title)", .group(
            .p(.class("tools no-print"),
               .a(.class("button"), .href(CasesRoute.casePage(.of(access.case.id!)).path), .text(t("document.back_to_case"))),
               .text(" "),
               .if(access.mayWork, Forms.post(CasesRoute.finalise(.of(access.case.id!), kind.rawValue).path, page,
                   .unwrap(source.agreement) { Forms.hidden("agreement", $0.agreement.id!.uuidString) },
                   .button(.type(.submit), .class("primary"), .text(t("document.finalise")))))),
            .if(!versions.isEmpty, .ul(.class("no-print"), .forEach(versions) { version in
                .li(.a(.href(CasesRoute.documentVersion(.of(version.id!)).path),
                       .text(t("document.version", String(version.version), t.dateTime(version.finalisedAt)))))
            })),
            CaseDocuments.render(kind, source)))
    }

    static func finalise(_ kind: CaseDocuments.Kind, _ request: Request) async throws -> Response {
        let access = try await request.workCase()
        let html = CaseDocuments.render(kind, try await source(kind, access, request)).render()
        let found = access.case
        let caseID = try found.requireID()
        let last = try await CaseDocument.query(on: request.db).filter(\.$caseID == caseID).filter(\.$kind == kind.rawValue)
            .sort(\.$version, .descending).first()?.version ?? 0
        let document = CaseDocument()
        document.ngoID = found.ngoID
        document.caseID = caseID
        document.kind = kind.rawValue
        document.version = last + 1
        document.htmlCipher = try request.application.fieldCipher.seal(html)
        document.finalisedBy = try request.requireActor().userID
        document.finalisedAt = request.application.clock.now()
        try await CaseJournal.change(found, by: request) { journal in
            try await document.create(on: journal.db)
            try await journal.record(.document, "\(kind.title) v\(document.version)", ref: document.id, audit: .finaliseDocument,
                                     recordType: "case_document", recordID: document.id)
        }
        return request.redirect(to: CasesRoute.documentVersion(.of(document.id!)).path)
    }

    static func version(_ request: Request) async throws -> Response {
        guard let document = try await CaseDocument.query(on: request.db).filter(\.$id == (try request.routeID()))
            .visible(try request.tenant()).first() else { throw HuzhuAbort.notFound }
        let access = try await request.access(try await request.findCase(document.caseID))
        try await request.audit(.viewCase, recordType: "case_document", recordID: document.id, ngoID: access.case.ngoID)
        let title = CaseDocuments.Kind(rawValue: document.kind)?.title ?? document.kind
        return request.page("\(access.case.number) · \(title) v\(document.version)", .group(
            .p(.class("hint no-print"), .text(request.t("document.finalised", request.t.dateTime(document.finalisedAt)))),
            // The page as it was rendered (and escaped) when it was finalised.
            .raw(try request.application.fieldCipher.open(document.htmlCipher))))
    }
}
