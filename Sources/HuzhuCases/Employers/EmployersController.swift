import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Plot
import Vapor

/// The NGO's employers: the list and search, recording and editing one, its page (cases against it
/// and its contracting chain, an audited read), its chain links, and merging duplicates.
enum EmployersController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(CasesRoute.employers, use: list)
        routes.get(CasesRoute.newEmployer) { request in
            try request.inOwnNGO(.manageEmployers)
            return request.page(request.t("employers.new"), EmployerViews.form(EmployerDraft(), action: CasesRoute.newEmployer.path,
                                                                                errors: ValidationErrors(), request.pageContext))
        }
        routes.post(CasesRoute.newEmployer, use: create)
        routes.get(CasesRoute.employer(.parameter), use: show)
        routes.get(CasesRoute.editEmployer(.parameter)) { request in
            let employer = try await findEmployer(request)
            return request.page(request.t("employers.edit"), EmployerViews.form(
                EmployerDraft(employer), action: CasesRoute.editEmployer(.of(employer.id!)).path, errors: ValidationErrors(),
                request.pageContext))
        }
        routes.post(CasesRoute.editEmployer(.parameter), use: update)
        routes.post(CasesRoute.employerLinks(.parameter), use: link)
        routes.get(CasesRoute.employerDuplicates, use: duplicates)
        routes.post(CasesRoute.mergeEmployers, use: merge)
    }

    static func list(_ request: Request) async throws -> Response {
        let actor = try request.requireActor()
        try request.authorize(.manageEmployers, in: actor.ngoID.map { .ngo($0) } ?? .network)
        let q = request.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces)
        let query = Employer.query(on: request.db).filter(\.$mergedInto == nil)
        if let ngo = actor.ngoID { query.filter(\.$ngoID == ngo) }
        if let q, !q.isEmpty {
            query.group(.or) { $0.filter(\.$name ~~ q).filter(\.$creditCode == q.uppercased()) }
        }
        let employers = try await query.sort(\.$name).limit(200).all()
        let mayMerge = actor.ngoID.map { request.may(.mergeEmployers, in: .ngo($0)) } ?? false
        return request.page(request.t("employers.title"), EmployerViews.list(employers, q: q, mayMerge: mayMerge,
                                                                            mayAdd: actor.ngoID != nil, request.pageContext))
    }

    static func create(_ request: Request) async throws -> Response {
        let actor = try request.inOwnNGO(.manageEmployers)
        let draft = try request.content.decode(EmployerDraft.self)
        let employer = Employer()
        employer.ngoID = actor.ngoID
        employer.createdAt = request.application.clock.now()
        do { try draft.apply(to: employer) } catch {
            return request.page(request.t("employers.new"), status: .unprocessableEntity,
                                EmployerViews.form(draft, action: CasesRoute.newEmployer.path, errors: error, request.pageContext))
        }
        try await save(employer, action: .createEmployer, request: request)
        return request.redirect(to: CasesRoute.employer(.of(employer.id!)).path)
    }

    static func update(_ request: Request) async throws -> Response {
        let employer = try await findEmployer(request)
        let draft = try request.content.decode(EmployerDraft.self)
        do { try draft.apply(to: employer) } catch {
            return request.page(request.t("employers.edit"), status: .unprocessableEntity, EmployerViews.form(
                draft, action: CasesRoute.editEmployer(.of(employer.id!)).path, errors: error, request.pageContext))
        }
        try await save(employer, action: .updateEmployer, request: request)
        return request.redirect(to: CasesRoute.employer(.of(employer.id!)).path)
    }

    static func save(_ employer: Employer, action: AuditAction, request: Request) async throws {
        try await request.db.write { db in
            try await employer.save(on: db)
            try await request.audit(action, recordType: "employer", recordID: employer.id, ngoID: employer.ngoID, on: db)
        }
    }

    static func show(_ request: Request) async throws -> Response {
        let employer = try await findEmployer(request)
        try await request.audit(.viewEmployer, recordType: "employer", recordID: employer.id, ngoID: employer.ngoID)
        let chain = try await EmployerChain.load(employer, on: request.db)
        let links = try await CaseRespondent.query(on: request.db).filter(\.$employerID == employer.requireID()).all()
        let cases = try await Case.query(on: request.db).filter(\.$id ~~ links.map(\.caseID)).sort(\.$openedOn, .descending).all()
        let visible = try await request.readable(cases)
        return request.page(employer.name, EmployerViews.page(employer, chain: chain,
                                                                   cases: try visible.map { ($0, try CaseTitle.label($0, request.application.fieldCipher)) },
                                                              roles: Dictionary(links.map { ($0.caseID, $0.role) }) { a, _ in a },
                                                              request.pageContext))
    }

    static func link(_ request: Request) async throws -> Response {
        let employer = try await findEmployer(request)
        let input = try request.content.decode(EmployerLinkInput.self)
        do {
            try await EmployerLinkInput.add(input, to: employer, request: request)
        } catch let errors as ValidationErrors {
            let chain = try await EmployerChain.load(employer, on: request.db)
            return request.page(employer.name, status: .unprocessableEntity,
                                EmployerViews.page(employer, chain: chain, cases: [], roles: [:], request.pageContext, errors: errors))
        }
        return request.redirect(to: CasesRoute.employer(.of(employer.id!)).path)
    }

    static func duplicates(_ request: Request) async throws -> Response {
        let actor = try request.inOwnNGO(.mergeEmployers)
        let groups = try await EmployerMerge(db: request.db).duplicates(ngoID: actor.ngoID)
        return request.page(request.t("employers.duplicates"), EmployerViews.duplicates(groups, request.pageContext))
    }

    static func merge(_ request: Request) async throws -> Response {
        try request.inOwnNGO(.mergeEmployers)
        struct Input: Content { var employers: [String]?; var survivor: String? }
        let input = try request.content.decode(Input.self)
        let survivor: Employer = try await Merge.run(Set((input.employers ?? []).compactMap(UUID.init(uuidString:))),
                                                     into: input.survivor.flatMap(UUID.init(uuidString:)),
                                                     steps: EmployerMerge.steps, in: try request.workContext())
        return request.redirect(to: CasesRoute.employer(.of(try survivor.requireID())).path)
    }

    /// The employer of the route's `:id`, if the person may work with the NGO's employers; a merged
    /// record leads to the one it was merged into.
    static func findEmployer(_ request: Request) async throws -> Employer {
        guard let employer = try await Employer.query(on: request.db).filter(\.$id == (try request.routeID()))
            .visible(try request.tenant()).first() else { throw HuzhuAbort.notFound }
        try request.authorizeRecord(.manageEmployers, in: .ngo(employer.ngoID))
        if let survivor = employer.mergedInto, let merged = try await Employer.find(survivor, on: request.db) { return merged }
        return employer
    }
}
