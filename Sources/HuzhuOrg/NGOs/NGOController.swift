import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit
import Vapor

/// Member NGOs, managed by the network admin.
enum NGOController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(OrgRoute.ngos, use: list)
        routes.get(OrgRoute.newNGO) { request async throws -> Response in
            try request.authorize(.manageNGOs, in: .network)
            return form(request, NGODraft(), ValidationErrors(), isNew: true, status: .ok)
        }
        routes.post(OrgRoute.newNGO, use: create)
        routes.get(OrgRoute.ngo(.parameter)) { request async throws -> Response in
            try request.authorize(.manageNGOs, in: .network)
            let ngo = try await find(request)
            return form(request, NGODraft(ngo), ValidationErrors(), isNew: false, id: ngo.id, status: .ok)
        }
        routes.post(OrgRoute.ngo(.parameter), use: update)
    }

    static func list(_ request: Request) async throws -> Response {
        try request.authorize(.manageNGOs, in: .network)
        let counts = try await request.db.sql.select()
            .column("ngo_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Office.schema).groupBy("ngo_id")
            .all().reduce(into: [UUID: Int]()) { counts, row in
                counts[try row.decode(column: "ngo_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
            }
        let rows = try await NGO.query(on: request.db).sort(\.$name).all().map {
            NGOViews.Row(id: $0.id!, name: $0.name, city: $0.city, officeCount: counts[$0.id!] ?? 0)
        }
        return request.page(request.t("ngo.title"), NGOViews.list(rows, request.pageContext))
    }

    static func create(_ request: Request) async throws -> Response {
        try request.authorize(.manageNGOs, in: .network)
        let draft = try request.content.decode(NGODraft.self)
        let ngo = NGO(name: "", city: "", createdAt: request.application.clock.now())
        do {
            try await draft.apply(to: ngo, on: request.db)
        } catch let errors as ValidationErrors {
            return form(request, draft, errors, isNew: true, status: .unprocessableEntity)
        }
        try await request.db.write { db in
            try await ngo.create(on: db)
            try await request.audit(.createNGO, recordType: "ngo", recordID: ngo.id, ngoID: ngo.id, on: db)
        }
        return request.seeOther(OrgRoute.ngos)
    }

    static func update(_ request: Request) async throws -> Response {
        try request.authorize(.manageNGOs, in: .network)
        let ngo = try await find(request)
        let draft = try request.content.decode(NGODraft.self)
        do {
            try await draft.apply(to: ngo, on: request.db)
        } catch let errors as ValidationErrors {
            return form(request, draft, errors, isNew: false, id: ngo.id, status: .unprocessableEntity)
        }
        try await request.db.write { db in
            try await ngo.save(on: db)
            try await request.audit(.updateNGO, recordType: "ngo", recordID: ngo.id, ngoID: ngo.id, on: db)
        }
        return request.seeOther(OrgRoute.ngos)
    }

    private static func find(_ request: Request) async throws -> NGO {
        guard let ngo = try await NGO.find(try request.routeID(), on: request.db) else {
            throw HuzhuAbort.notFound
        }
        return ngo
    }

    private static func form(_ request: Request, _ draft: NGODraft, _ errors: ValidationErrors, isNew: Bool,
                             id: UUID? = nil, status: HTTPResponseStatus) -> Response {
        let t = request.t
        let action = isNew ? OrgRoute.newNGO.path : OrgRoute.ngo(.of(id!)).path
        return request.page(t(isNew ? "ngo.new" : "ngo.edit"), status: status,
                            NGOViews.form(draft, errors: errors, action: action,
                                          submit: t(isNew ? "form.create" : "form.save"), request.pageContext))
    }
}
