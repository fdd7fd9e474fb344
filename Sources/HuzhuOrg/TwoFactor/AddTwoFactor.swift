import Fluent
import HuzhuPlatform

/// A second factor for signing in: the one-time-code secret on the user, and single-use recovery codes.
struct AddTwoFactor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("totp_secret", .data).update()
        try await database.schema(User.schema).field("totp_enabled_at", .datetime).update()
        try await database.schema(User.schema).field("totp_last_step", .int64).update()
        try await database.schema(RecoveryCode.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .unique(on: "user_id", "code_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RecoveryCode.schema).delete()
        for field in ["totp_secret", "totp_enabled_at", "totp_last_step"] {
            try await database.schema(User.schema).deleteField(.string(field)).update()
        }
    }
}
