import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Accounts: created, edited, switched off and given new passwords by NGO admins (and the network admin).
/// Switching an account off or resetting its password ends all of its sessions at once.
enum UserController {
    static let pageSize = 100

    static func register(_ routes: any RoutesBuilder) {
        routes.get(OrgRoute.users, use: list)
        routes.get(OrgRoute.newUser) { request async throws -> Response in
            let actor = try request.requireActor()
            try request.authorize(.manageUsers, in: Policy.ownScope(of: actor))
            var draft = UserDraft()
            draft.ngo = actor.ngoID?.uuidString
            return try await form(request, draft, ValidationErrors(), user: nil, status: .ok)
        }
        routes.post(OrgRoute.newUser) { request async throws -> Response in try await save(request, user: User()) }
        routes.get(OrgRoute.user(.parameter)) { request async throws -> Response in
            let user = try await find(request)
            try await request.audit(.viewUser, recordType: "user", recordID: user.id, ngoID: user.ngoID)
            return try await form(request, UserDraft(user), ValidationErrors(), user: user, status: .ok)
        }
        routes.post(OrgRoute.user(.parameter)) { request async throws -> Response in
            try await save(request, user: try await find(request))
        }
        routes.post(OrgRoute.resetPassword(.parameter), use: resetPassword)
    }

    static func list(_ request: Request) async throws -> Response {
        try request.inOwnScope(.manageUsers)
        let visible = try request.visibility(.manageUsers)
        let query = User.query(on: request.db).sort(\.$login).limit(pageSize + 1).visible(visible)
        if let after = request.query[String.self, at: "after"] { query.filter(\.$login > after) }
        let users = try await query.all()
        let places = try await placeNames(on: request.db, visible: visible)
        let rows = users.prefix(pageSize).map { user in
            UserViews.Row(id: user.id!, login: user.login, displayName: user.displayName, role: user.role,
                          place: [user.ngoID.flatMap { places.ngos[$0] }, user.officeID.flatMap { places.offices[$0]?.name }]
                              .compactMap { $0 }.joined(separator: " / "),
                          active: user.active)
        }
        let nextAfter = users.count > pageSize ? rows.last?.login : nil
        return request.page(request.t("user.title"), UserViews.list(rows, nextAfter: nextAfter, request.pageContext))
    }

    private static func save(_ request: Request, user: User) async throws -> Response {
        let editor = try request.requireActor()
        let isNew = user.id == nil
        let wasActive = !isNew && user.active
        let draft = try request.content.decode(UserDraft.self)
        let targetRole = draft.role.flatMap(Role.init(rawValue:))
        try request.authorize(.manageUsers, in: User.scope(ngoID: targetRole?.requiresNGO == false ? nil : draft.ngoID(editor: editor)))
        do {
            try await draft.apply(to: user, editor: editor, on: request.db)
        } catch let errors as ValidationErrors {
            return try await form(request, draft, errors, user: isNew ? nil : user, status: .unprocessableEntity)
        }
        let password = isNew ? GeneratedPassword.make() : nil
        if let password {
            user.passwordHash = try await request.application.hashPassword(password)
            user.createdAt = request.application.clock.now()
        }
        try await request.db.write { db in
            try await user.save(on: db)
            if wasActive && !user.active { try await StaffSession.endAll(userID: user.id!, on: db) }
            try await request.audit(isNew ? .createUser : .updateUser, recordType: "user", recordID: user.id,
                                    ngoID: user.ngoID,
                                    detail: AuditDetail(user.role) + (user.active ? AuditDetail("active") : AuditDetail("inactive")), on: db)
        }
        guard let password else { return request.seeOther(OrgRoute.users) }
        return request.page(request.t("user.created"), status: .created,
                            UserViews.password(login: user.login, password: password, request.pageContext))
    }

    static func resetPassword(_ request: Request) async throws -> Response {
        let user = try await find(request)
        guard (try? request.content.get(String.self, at: "confirm")) == "on" else {
            throw HuzhuAbort(.unprocessableEntity, "error.confirm_required")
        }
        let password = GeneratedPassword.make()
        user.passwordHash = try await request.application.hashPassword(password)
        try await request.db.write { db in
            try await user.save(on: db)
            try await StaffSession.endAll(userID: user.id!, on: db)
            try await request.audit(.resetPassword, recordType: "user", recordID: user.id, ngoID: user.ngoID, on: db)
        }
        return request.page(request.t("user.password_reset"),
                            UserViews.password(login: user.login, password: password, request.pageContext))
    }

    /// The account, if it exists and the person may manage it; another NGO's accounts do not exist for them.
    private static func find(_ request: Request) async throws -> User {
        let query = User.query(on: request.db).filter(\.$id == (try request.routeID())).visible(try request.tenant())
        guard let user = try await query.first() else { throw HuzhuAbort.notFound }
        try request.authorizeRecord(.manageUsers, in: User.scope(ngoID: user.ngoID))
        return user
    }

    private static func form(_ request: Request, _ draft: UserDraft, _ errors: ValidationErrors, user: User?,
                             status: HTTPResponseStatus) async throws -> Response {
        let actor = try request.requireActor()
        let visible = try request.visibility(.manageUsers)
        let places = try await placeNames(on: request.db, visible: visible)
        let offices = places.offices
            .map { (value: $0.key.uuidString, label: "\(places.ngos[$0.value.ngoID] ?? "") / \($0.value.name)") }
            .sorted { $0.label < $1.label }
        let ngos = visible != .network ? [] : places.ngos
            .map { (value: $0.key.uuidString, label: $0.value) }.sorted { $0.label < $1.label }
        let choices = UserViews.Choices(roles: OrgPolicy.assignableRoles(by: actor), ngos: ngos, offices: offices)
        let title = request.t(user == nil ? "user.new" : "user.edit")
        return request.page(title, status: status,
                            UserViews.form(draft, choices: choices, errors: errors, userID: user?.id, request.pageContext))
    }

    /// The names of NGOs and offices, to label accounts without a query per row.
    private static func placeNames(on db: any Database, visible: Visibility) async throws
        -> (ngos: [UUID: String], offices: [UUID: (ngoID: UUID, name: String)]) {
        let ngos = NGO.query(on: db)
        if visible != .network { ngos.filter(\.$id ~~ (visible.ngoID.map { [$0] } ?? [])) }
        let offices = Office.query(on: db).visible(visible)
        return (
            try await ngos.all().reduce(into: [:]) { $0[$1.id!] = $1.name },
            try await offices.all().reduce(into: [:]) { $0[$1.id!] = ($1.ngoID, $1.name) }
        )
    }
}
