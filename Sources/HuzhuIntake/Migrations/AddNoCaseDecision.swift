import Fluent
import SQLKit

/// Lets a contact that needed a case be closed without one: when, by whom, why (sealed). The office's
/// queue of contacts awaiting a case reads the outcome and these, by office.
struct AddNoCaseDecision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(Contact.schema).field("no_case_at", .datetime).update()
        try await database.schema(Contact.schema).field("no_case_by", .uuid).update()
        try await database.schema(Contact.schema).field("no_case_reason_cipher", .data).update()
        try await database.sql.create(index: "contacts_office_outcome").on(Contact.schema).column("office_id").column("outcome").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "contacts_office_outcome").run()
        for field in ["no_case_at", "no_case_by", "no_case_reason_cipher"] {
            try await database.schema(Contact.schema).deleteField(.string(field)).update()
        }
    }
}
