import Fluent

struct CreateNGOs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NGO.schema)
            .id()
            .field("name", .string, .required)
            .field("city", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NGO.schema).delete()
    }
}
