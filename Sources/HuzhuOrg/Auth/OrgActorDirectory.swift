import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Resolves sessions and tokens to the active user behind them, with their NGO's and office's names.
struct OrgActorDirectory: ActorDirectory {
    func activeActor(userID: UUID, on db: any Database) async throws -> Actor? {
        guard let user = try await User.query(on: db).filter(\.$id == userID).filter(\.$active == true).first() else {
            return nil
        }
        return try await Self.actor(for: user, on: db)
    }

    func setLanguage(_ language: Language, userID: UUID, on db: any Database) async throws {
        try await User.query(on: db).set(\.$language, to: language).filter(\.$id == userID).update()
    }

    static func actor(for user: User, on db: any Database) async throws -> Actor {
        let ngo = try await user.ngoID.asyncMap { try await NGO.find($0, on: db) } ?? nil
        let office = try await user.officeID.asyncMap { try await Office.find($0, on: db) } ?? nil
        return Actor(userID: try user.requireID(), login: user.login, displayName: user.displayName, role: user.role,
                     ngoID: user.ngoID, officeID: user.officeID, ngoName: ngo?.name, officeName: office?.name,
                     language: user.language)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
