import Fluent
import Foundation

/// An uploaded worker list, kept between its upload, the column mapping, the preview and the import.
package final class ImportBatch: Model, @unchecked Sendable {
    package static let schema = "import_batches"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "file_name") package var fileName: String
    /// The file's text, decoded to UTF-8.
    @Field(key: "content") package var content: String
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "imported_at") package var importedAt: Date?
    @OptionalField(key: "imported") package var imported: Int?
    @OptionalField(key: "skipped") package var skipped: Int?

    package init() {}
}

struct CreateImportBatches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportBatch.schema)
            .id()
            .field("ngo_id", .uuid, .required)
            .field("office_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("file_name", .string, .required)
            .field("content", .sql(unsafeRaw: "TEXT"), .required)
            .field("created_at", .datetime, .required)
            .field("imported_at", .datetime)
            .field("imported", .int)
            .field("skipped", .int)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ImportBatch.schema).delete() }
}
