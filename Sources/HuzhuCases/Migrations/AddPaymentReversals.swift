import Fluent
import HuzhuPlatform
import SQLKit

/// Lets a payment be reversed by an entry that names it (`reverses_id`, at most one per payment) and
/// says why (`reason_cipher`, sealed).
struct AddPaymentReversals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(Payment.schema).field("reverses_id", .uuid).update()
        try await database.schema(Payment.schema).field("reason_cipher", .data).update()
        try await database.sql.create(index: "payments_reverses").unique().on(Payment.schema).column("reverses_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "payments_reverses").run()
        for field in ["reverses_id", "reason_cipher"] {
            try await database.schema(Payment.schema).deleteField(.string(field)).update()
        }
    }
}
