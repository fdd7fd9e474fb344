import Fluent
import Foundation

/// An uploaded worker list, kept between its upload, the column mapping, the preview and the import.
package final class ImportBatch: Model, @unchecked Sendable {
    /// A list uploaded but never imported is dropped after this long.
    static let lifetime: TimeInterval = 24 * 3600

    package static let schema = "import_batches"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "file_name") package var fileName: String
    /// The file's text (UTF-8), encrypted like every personal identifier: a worker list is nothing but
    /// names and phone numbers. Emptied once imported.
    @Field(key: "content_cipher") package var contentCipher: Data
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
            .field("content_cipher", .data, .required)
            .field("created_at", .datetime, .required)
            .field("imported_at", .datetime)
            .field("imported", .int)
            .field("skipped", .int)
            .create()
    }

    func revert(on database: any Database) async throws { try await database.schema(ImportBatch.schema).delete() }
}
