import Fluent
import Foundation
import Vapor

/// A signed-in browser. Kept in the database so a restart signs nobody out; identified by the hash of
/// the cookie's secret.
package final class StaffSession: Model, @unchecked Sendable {
    package static let schema = "staff_sessions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "expires_at") package var expiresAt: Date
    @OptionalField(key: "address") package var address: String?

    package init() {}

    /// A session lasts a week from sign-in; then the person signs in again.
    package static let lifetime: TimeInterval = 7 * 24 * 3600
    package static let cookieName = "huzhu_session"

    /// Starts a session and returns the secret for the cookie. Expired sessions are cleared on the way.
    package static func start(userID: UUID, address: String?, now: Date, on db: any Database) async throws -> String {
        try await StaffSession.query(on: db).filter(\.$expiresAt <= now).delete()
        let token = SecretToken.generate()
        let session = StaffSession()
        session.tokenHash = SecretToken.hash(token)
        session.userID = userID
        session.createdAt = now
        session.expiresAt = now.addingTimeInterval(lifetime)
        session.address = address
        try await session.create(on: db)
        return token
    }

    package static func find(token: String, now: Date, on db: any Database) async throws -> StaffSession? {
        try await StaffSession.query(on: db)
            .filter(\.$tokenHash == SecretToken.hash(token))
            .filter(\.$expiresAt > now)
            .first()
    }

    package static func end(token: String, on db: any Database) async throws {
        try await StaffSession.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).delete()
    }

    /// Signs a user out everywhere: on deactivation and on a password reset.
    package static func endAll(userID: UUID, on db: any Database) async throws {
        try await StaffSession.query(on: db).filter(\.$userID == userID).delete()
    }
}

package struct CreateStaffSessions: AsyncMigration {
    package init() {}

    package func prepare(on database: any Database) async throws {
        try await database.schema(StaffSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("address", .string)
            .unique(on: "token_hash")
            .create()
        try await database.sql.create(index: "staff_sessions_user_id").on(StaffSession.schema).column("user_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(StaffSession.schema).delete()
    }
}
