import Fluent
import HuzhuOrg

/// The weekly times each office's hotline is open, against which the coverage of shifts is judged.
struct CreateHotlineOpenings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HotlineOpening.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("weekday", .int, .required)
            .field("opens", .string, .required)
            .field("closes", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(HotlineOpening.schema).delete() }
}
