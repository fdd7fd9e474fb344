import Fluent
import HuzhuPlatform

/// When a worker's personal data was erased, and by whom (nil: the retention rule).
struct AddWorkerErasure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Worker.schema).field("erased_at", .datetime).update()
        try await database.schema(Worker.schema).field("erased_by", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Worker.schema).deleteField("erased_by").update()
        try await database.schema(Worker.schema).deleteField("erased_at").update()
    }
}

/// The erasure request's reference moves out of the audit log into the worker's record, sealed.
struct AddErasureReference: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Worker.schema).field("erasure_reference_cipher", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Worker.schema).deleteField("erasure_reference_cipher").update()
    }
}
