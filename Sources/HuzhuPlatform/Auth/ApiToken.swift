import Fluent
import Foundation
import Vapor

/// A personal API token for scripts and integrations. Shown once at creation; stored as a hash.
package final class ApiToken: Model, @unchecked Sendable {
    package static let schema = "api_tokens"

    @ID(key: .id) package var id: UUID?
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "token_hash") package var tokenHash: String
    /// The first characters of the token, so its owner can tell tokens apart.
    @Field(key: "hint") package var hint: String
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "last_used_at") package var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") package var revokedAt: Date?

    package init() {}

    package static let prefix = "hz_"

    /// Creates a token and returns it with its secret, which is never seen again.
    package static func issue(userID: UUID, name: String, now: Date, on db: any Database) async throws
        -> (token: ApiToken, secret: String) {
        let secret = SecretToken.generate(prefix: prefix)
        let token = ApiToken()
        token.userID = userID
        token.name = name
        token.tokenHash = SecretToken.hash(secret)
        token.hint = String(secret.prefix(prefix.count + 6))
        token.createdAt = now
        try await token.create(on: db)
        return (token, secret)
    }

    /// The live token with this secret, if any.
    package static func find(secret: String, on db: any Database) async throws -> ApiToken? {
        try await ApiToken.query(on: db)
            .filter(\.$tokenHash == SecretToken.hash(secret))
            .filter(\.$revokedAt == nil)
            .first()
    }
}

package struct CreateApiTokens: AsyncMigration {
    package init() {}

    package func prepare(on database: any Database) async throws {
        try await database.schema(ApiToken.schema)
            .id()
            .field("user_id", .uuid, .required)
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("hint", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.sql.create(index: "api_tokens_user_id").on(ApiToken.schema).column("user_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(ApiToken.schema).delete()
    }
}
