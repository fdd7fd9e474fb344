import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Personal API tokens: each person creates and revokes their own, and nobody else's.
enum TokenController {
    struct Input: Content { var name: String? }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(OrgRoute.tokens) { request async throws -> Response in
            let actor = try request.authorize(.ownTokens, in: Policy.ownScope(of: try request.requireActor()))
            return try await page(request, actor, draftName: nil, errors: ValidationErrors(), status: .ok)
        }
        routes.post(OrgRoute.tokens, use: create)
        routes.post(OrgRoute.revokeToken(.parameter), use: revoke)
    }

    static func create(_ request: Request) async throws -> Response {
        let actor = try request.authorize(.ownTokens, in: Policy.ownScope(of: try request.requireActor()))
        let input = try request.content.decode(Input.self)
        let name: String
        do {
            name = try OrgNames.displayName(input.name ?? "", field: "name")
        } catch {
            return try await page(request, actor, draftName: input.name, errors: ValidationErrors([error]),
                                  status: .unprocessableEntity)
        }
        let issued = try await request.db.write { db in
            let issued = try await ApiToken.issue(userID: actor.userID, name: name, now: request.application.clock.now(), on: db)
            try await request.audit(.createToken, recordType: "api_token", recordID: issued.token.id, ngoID: actor.ngoID,
                                    on: db)
            return issued
        }
        return request.page(request.t("token.title"), status: .created,
                            TokenViews.created(issued.token, secret: issued.secret, request.pageContext))
    }

    static func revoke(_ request: Request) async throws -> Response {
        let actor = try request.authorize(.ownTokens, in: Policy.ownScope(of: try request.requireActor()))
        guard let token = try await ApiToken.query(on: request.db)
            .filter(\.$id == (try request.routeID())).filter(\.$userID == actor.userID).filter(\.$revokedAt == nil)
            .first() else { throw HuzhuAbort.notFound }
        token.revokedAt = request.application.clock.now()
        try await request.db.write { db in
            try await token.save(on: db)
            try await request.audit(.revokeToken, recordType: "api_token", recordID: token.id, ngoID: actor.ngoID, on: db)
        }
        return request.seeOther(OrgRoute.tokens)
    }

    private static func page(_ request: Request, _ actor: Actor, draftName: String?, errors: ValidationErrors,
                             status: HTTPResponseStatus) async throws -> Response {
        let tokens = try await ApiToken.query(on: request.db)
            .filter(\.$userID == actor.userID).filter(\.$revokedAt == nil).sort(\.$createdAt, .descending).all()
        return request.page(request.t("token.title"), status: status,
                            TokenViews.list(tokens, draftName: draftName, errors: errors, request.pageContext))
    }
}
