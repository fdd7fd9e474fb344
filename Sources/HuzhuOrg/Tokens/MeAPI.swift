import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// `GET /api/v1/me`: who the token belongs to, for scripts to check their credentials.
enum MeAPI {
    struct Me: Content {
        struct Place: Content {
            let id: UUID
            let name: String
        }
        let id: UUID
        let login: String
        let displayName: String
        let role: Role
        let ngo: Place?
        let office: Place?
        let language: Language
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(OrgRoute.apiMe) { request async throws -> Me in
            let actor = try request.requireActor()
            return Me(id: actor.userID, login: actor.login, displayName: actor.displayName, role: actor.role,
                      ngo: zip(actor.ngoID, actor.ngoName).map { Me.Place(id: $0, name: $1) },
                      office: zip(actor.officeID, actor.officeName).map { Me.Place(id: $0, name: $1) },
                      language: actor.language)
        }
    }

    private static func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
        guard let a, let b else { return nil }
        return (a, b)
    }
}
