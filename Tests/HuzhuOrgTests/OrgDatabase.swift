import Fluent
import Foundation
@testable import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The organisation feature's tables with the demo network in them, for testing its queries directly.
func withDemoNetwork(_ body: (Application) async throws -> Void) async throws {
    try await TestDatabase.run(features: [OrgFeature.self]) { app in
        _ = try await DemoNetwork.loadIfEmpty(into: app)
        try await body(app)
    }
}

extension Application {
    func actor(_ login: String) async throws -> Actor {
        let user = try await User.query(on: db).filter(\.$login == login).first()!
        return try await OrgActorDirectory().activeActor(userID: user.requireID(), on: db)!
    }
}
