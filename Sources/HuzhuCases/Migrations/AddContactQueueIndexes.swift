import Fluent
import SQLKit

/// The queue of contacts awaiting a case asks, per contact, whether a case was opened from it or linked
/// to it: both by index.
struct AddContactQueueIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "cases_contact").on(Case.schema).column("contact_id").run()
        try await database.sql.create(index: "case_events_ref").on(CaseEvent.schema).column("ref_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "cases_contact").run()
        try await database.sql.drop(index: "case_events_ref").run()
    }
}
