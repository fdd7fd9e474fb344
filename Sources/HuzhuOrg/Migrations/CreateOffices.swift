import Fluent

struct CreateOffices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Office.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("name", .string, .required)
            .field("city", .string, .required)
            .field("code", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "ngo_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Office.schema).delete()
    }
}
