import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The JSON API for employers, cases, the workers on a case, status moves, claims and payments (files:
/// `EvidenceController`). It shares every check and write with the pages.
enum CasesAPI {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.apiEmployers) { request async throws -> [CaseResource.EmployerBody] in
            let actor = try request.requireActor()
            try request.authorize(.manageEmployers, in: actor.ngoID.map { .ngo($0) } ?? .network)
            let query = Employer.query(on: request.db).filter(\.$mergedInto == nil)
            if let ngo = actor.ngoID { query.filter(\.$ngoID == ngo) }
            if let q = request.query[String.self, at: "q"], !q.isEmpty { query.filter(\.$name ~~ q) }
            return try await query.sort(\.$name).limit(200).all().map(CaseResource.EmployerBody.init)
        }
        routes.post(CasesRoute.apiEmployers) { request async throws -> Response in
            let actor = try request.inOwnNGO(.manageEmployers)
            let employer = Employer()
            employer.ngoID = actor.ngoID
            employer.createdAt = request.application.clock.now()
            try request.content.decode(EmployerDraft.self).apply(to: employer)
            try await EmployersController.save(employer, action: .createEmployer, request: request)
            return try await CaseResource.EmployerBody(employer).encodeResponse(status: .created, for: request)
        }
        routes.get(CasesRoute.apiEmployer(.parameter)) { request async throws -> CaseResource.EmployerBody in
            let employer = try await EmployersController.findEmployer(request)
            try await request.audit(.viewEmployer, recordType: "employer", recordID: employer.id, ngoID: employer.ngoID)
            return CaseResource.EmployerBody(employer)
        }
        routes.get(CasesRoute.apiCases, use: list)
        routes.post(CasesRoute.apiCases, use: open)
        routes.get(CasesRoute.apiCase(.parameter)) { request in try await detail(try await request.readCase(), request) }
        routes.post(CasesRoute.apiCaseWorkers(.parameter)) { request async throws -> CaseResource.Detail in
            let access = try await request.workCase(manage: true)
            let roster = try RosterLine.parse(request.content.get(String?.self, at: "roster") ?? "", field: "roster")
            guard !roster.isEmpty else { throw ValidationErrors([FieldError("roster", "error.required")]) }
            try await CaseJournal.change(access.case, by: request) { try await CaseRoster(journal: $0).enrol(roster) }
            return try await detail(access, request)
        }
        routes.post(CasesRoute.apiStatus(.parameter)) { request async throws -> CaseResource.Detail in
            let access = try await request.workCase()
            try await Cases.move(try request.content.decode(StatusInput.self).command, access.case, in: try request.workContext())
            return try await detail(access, request)
        }
        routes.post(CasesRoute.apiClaims(.parameter)) { request async throws -> CaseResource.Detail in
            let access = try await request.workCase()
            if (try? request.content.get(String.self, at: "agreed")) != nil {
                try await Cases.agree(try request.content.decode(AgreementInput.self).command, on: access.case, in: try request.workContext())
            } else {
                try await Cases.addClaim(try request.content.decode(ClaimInput.self).command, to: access.case, in: try request.workContext())
            }
            return try await detail(access, request)
        }
        routes.post(CasesRoute.apiPayments(.parameter)) { request async throws -> Response in
            let access = try await request.workCase()
            try await Cases.pay(try request.content.decode(PaymentInput.self).command, on: access.case, in: try request.workContext())
            return try await detail(access, request).encodeResponse(status: .created, for: request)
        }
        routes.post(CasesRoute.apiReversals(.parameter)) { request async throws -> Response in
            let access = try await request.workCase()
            try await Cases.reverse(try request.content.decode(ReversalInput.self).command, on: access.case, in: try request.workContext())
            return try await detail(access, request).encodeResponse(status: .created, for: request)
        }
    }

    static func list(_ request: Request) async throws -> CaseResource.CaseList {
        let (actor, visible, lawyer) = try request.caseListing()
        let page = try await CaseListQuery.load(try request.query.decode(CaseFilter.self), for: actor, visible: visible, lawyer: lawyer,
                                           today: request.today, cipher: request.application.fieldCipher, on: request.db)
        return CaseResource.CaseList(cases: page.rows.map(CaseResource.Summary.init), next: page.next)
    }

    static func open(_ request: Request) async throws -> Response {
        try request.inOwnOffice(.workCases)
        let command = try request.content.decode(CaseDraft.self).openCase(today: request.today)
        let opened = try await Cases.open(command, in: try request.workContext())
        let access = try await request.access(opened)
        return try await detail(access, request).encodeResponse(status: .created, for: request)
    }

    static func detail(_ access: CaseAccess, _ request: Request) async throws -> CaseResource.Detail {
        CaseResource.Detail(try await CasePageQuery.load(
            access, group: nil, mayApprove: false, mayReadWorkers: false, mayReadEmployers: false, today: request.today,
            cipher: request.application.fieldCipher, on: request.db))
    }
}
