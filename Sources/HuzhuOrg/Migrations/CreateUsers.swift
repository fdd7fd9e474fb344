import Fluent
import HuzhuPlatform

/// Role and language are stored as plain strings (checked by the app's enums), so adding a role later
/// is a code change, not a database type migration on two engines.
struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("login", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("ngo_id", .uuid, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .references(Office.schema, "id"))
            .field("language", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("last_login_at", .datetime)
            .field("previous_login_at", .datetime)
            .unique(on: "login")
            .create()
        try await database.sql.create(index: "users_ngo_office").on(User.schema).column("ngo_id").column("office_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
