import Fluent
import HuzhuOrg

/// Saved searches over an NGO's workers, kept by an office.
struct CreateSavedLists: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SavedList.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("name", .string, .required)
            .field("search", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(SavedList.schema).delete() }
}
