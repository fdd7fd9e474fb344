import Fluent
import Foundation
@testable import HuzhuOrg
import HuzhuPlatform
import Vapor

/// Lookups of the demo network's records, for tests that need their ids.
extension Application {
    func office(_ code: String) async throws -> Office {
        try await Office.query(on: db).filter(\.$code == code).first()!
    }

    func ngo(named prefix: String) async throws -> NGO {
        try await NGO.query(on: db).all().first { $0.name.hasPrefix(prefix) }!
    }

    func user(_ login: String) async throws -> User {
        try await User.query(on: db).filter(\.$login == login).first()!
    }

    /// The work context of a demo account, as a request of theirs would make it: for running the features'
    /// commands without HTTP.
    func work(as login: String) async throws -> WorkContext {
        let actor = try await actorDirectory.activeActor(userID: user(login).requireID(), on: db)!
        return WorkContext(db: db, clock: clock, cipher: fieldCipher, actor: actor,
                           source: AuditSource(userID: actor.userID, login: actor.login, address: "test"), policy: policy)
    }

    func auditActions() async throws -> [String] {
        try await AuditEvent.query(on: db).sort(\.$id).all().map(\.action)
    }
}
