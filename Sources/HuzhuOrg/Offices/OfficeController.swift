import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// An NGO's offices, managed by its NGO admin (and the network admin).
enum OfficeController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(OrgRoute.offices, use: list)
        routes.get(OrgRoute.newOffice) { request async throws -> Response in
            let actor = try request.requireActor()
            try request.authorize(.manageOffices, in: Policy.ownScope(of: actor))
            return try await form(request, OfficeDraft(ngo: actor.ngoID?.uuidString), ValidationErrors(), office: nil, status: .ok)
        }
        routes.post(OrgRoute.newOffice) { request async throws -> Response in
            try await save(request, office: Office())
        }
        routes.get(OrgRoute.office(.parameter)) { request async throws -> Response in
            let office = try await find(request)
            return try await form(request, OfficeDraft(office), ValidationErrors(), office: office, status: .ok)
        }
        routes.post(OrgRoute.office(.parameter)) { request async throws -> Response in
            try await save(request, office: try await find(request))
        }
    }

    static func list(_ request: Request) async throws -> Response {
        try request.inOwnScope(.manageOffices)
        let query = Office.query(on: request.db).join(NGO.self, on: \Office.$ngoID == \NGO.$id).visible(try request.visibility(.manageOffices))
        let rows = try await query.sort(NGO.self, \.$name).sort(\.$code).all().map { office in
            OfficeViews.Row(id: office.id!, ngoName: try office.joined(NGO.self).name, name: office.name,
                            city: office.city, code: office.code)
        }
        return request.page(request.t("office.title"), OfficeViews.list(rows, request.pageContext))
    }

    private static func save(_ request: Request, office: Office) async throws -> Response {
        let actor = try request.requireActor()
        let draft = try request.content.decode(OfficeDraft.self)
        let ngoID = draft.ngoID(for: actor)
        try request.authorize(.manageOffices, in: ngoID.map { .ngo($0) } ?? Policy.ownScope(of: actor))
        let isNew = office.id == nil
        if isNew { office.createdAt = request.application.clock.now() }
        do {
            try await draft.apply(to: office, ngoID: ngoID, on: request.db)
        } catch let errors as ValidationErrors {
            return try await form(request, draft, errors, office: isNew ? nil : office, status: .unprocessableEntity)
        }
        try await request.db.write { db in
            try await office.save(on: db)
            try await request.audit(isNew ? .createOffice : .updateOffice, recordType: "office", recordID: office.id,
                                    ngoID: office.ngoID, detail: .fields("name", "city", "code"), on: db)
        }
        return request.seeOther(OrgRoute.offices)
    }

    /// The office, if it exists and the person may manage it; an office of another NGO does not exist for them.
    private static func find(_ request: Request) async throws -> Office {
        let query = Office.query(on: request.db).filter(\.$id == (try request.routeID())).visible(try request.tenant())
        guard let office = try await query.first() else { throw HuzhuAbort.notFound }
        try request.authorizeRecord(.manageOffices, in: .ngo(office.ngoID))
        return office
    }

    private static func form(_ request: Request, _ draft: OfficeDraft, _ errors: ValidationErrors, office: Office?,
                             status: HTTPResponseStatus) async throws -> Response {
        let t = request.t
        let ngos = try request.tenant() == .network ? try await NGO.query(on: request.db).sort(\.$name).all() : []
        let action = office.map { OrgRoute.office(.of($0.id!)).path } ?? OrgRoute.newOffice.path
        return request.page(t(office == nil ? "office.new" : "office.edit"), status: status,
                            OfficeViews.form(draft, ngos: ngos, errors: errors, action: action,
                                             submit: t(office == nil ? "form.create" : "form.save"), request.pageContext))
    }
}
