import Fluent
import Foundation
import Vapor

/// A signed-in browser. Kept in the database so a restart signs nobody out; identified by the hash of
/// the cookie's secret. It ends when left unused for the idle limit, and at the absolute limit after
/// sign-in however busy it is (`SessionLimits`).
package final class StaffSession: Model, @unchecked Sendable {
    package static let schema = "staff_sessions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "expires_at") package var expiresAt: Date
    @OptionalField(key: "address") package var address: String?
    /// When the browser last used the session (to the minute: it is not written on every request).
    @OptionalField(key: "last_seen_at") package var lastSeenAt: Date?

    package init() {}

    package static let cookieName = "huzhu_session"

    /// Starts a session and returns the secret for the cookie. Expired sessions are cleared on the way.
    package static func start(userID: UUID, address: String?, limits: SessionLimits, now: Date,
                              on db: any Database) async throws -> String {
        try await StaffSession.query(on: db).group(.or) { expired in
            expired.filter(\.$expiresAt <= now).filter(\.$lastSeenAt <= now.addingTimeInterval(-limits.idle))
        }.delete()
        let token = SecretToken.generate()
        let session = StaffSession()
        session.tokenHash = SecretToken.hash(token)
        session.userID = userID
        session.createdAt = now
        session.expiresAt = now.addingTimeInterval(limits.absolute)
        session.lastSeenAt = now
        session.address = address
        try await session.create(on: db)
        return token
    }

    /// The session of this secret if it has neither sat idle too long nor reached its absolute limit;
    /// its use is noted (at most once a minute). A session that has ended is deleted.
    package static func find(token: String, limits: SessionLimits, now: Date, on db: any Database) async throws -> StaffSession? {
        guard let session = try await StaffSession.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).first() else {
            return nil
        }
        let lastSeen = session.lastSeenAt ?? session.createdAt
        let ends = min(session.expiresAt, session.createdAt.addingTimeInterval(limits.absolute),
                       lastSeen.addingTimeInterval(limits.idle))
        guard ends > now else {
            try await db.write { db in try await session.delete(on: db) }
            return nil
        }
        if now.timeIntervalSince(lastSeen) >= 60 {
            session.lastSeenAt = now
            try await db.write { db in try await session.save(on: db) }
        }
        return session
    }

    package static func end(token: String, on db: any Database) async throws {
        try await StaffSession.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).delete()
    }

    /// Signs a user out everywhere: on deactivation and on a password reset.
    package static func endAll(userID: UUID, on db: any Database) async throws {
        try await StaffSession.query(on: db).filter(\.$userID == userID).delete()
    }
}

/// How long sessions last (`HUZHU_SESSION_IDLE_MINUTES`, `HUZHU_SESSION_HOURS`).
package struct SessionLimits: Sendable {
    /// Unused for this long, a session ends.
    package let idle: TimeInterval
    /// This long after sign-in, a session ends, however busy.
    package let absolute: TimeInterval

    package init(idle: TimeInterval, absolute: TimeInterval) {
        self.idle = idle
        self.absolute = absolute
    }

    package static let standard = SessionLimits(idle: 30 * 60, absolute: 12 * 3600)
}

extension Application {
    private struct SessionLimitsKey: StorageKey { typealias Value = SessionLimits }

    package var sessionLimits: SessionLimits {
        get { storage[SessionLimitsKey.self] ?? .standard }
        set { storage[SessionLimitsKey.self] = newValue }
    }
}

/// Sessions note when they were last used, for the idle limit. Sessions started before have none:
/// their sign-in counts as their last use, so a week-long session of old ends at once.
package struct AddSessionLastSeen: AsyncMigration {
    package init() {}

    package func prepare(on database: any Database) async throws {
        try await database.schema(StaffSession.schema).field("last_seen_at", .datetime).update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(StaffSession.schema).deleteField("last_seen_at").update()
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
