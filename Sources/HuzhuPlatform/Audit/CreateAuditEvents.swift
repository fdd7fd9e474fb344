import Fluent
import SQLKit

/// The audit table, made append-only by the database itself: a trigger refuses every UPDATE and DELETE,
/// whatever code or person asks.
package struct CreateAuditEvents: AsyncMigration {
    package init() {}

    package func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("occurred_at", .datetime, .required)
            .field("actor_user_id", .uuid)
            .field("actor_login", .string, .required)
            .field("ngo_id", .uuid)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .uuid)
            .field("address", .string, .required)
            .field("detail", .string)
            .create()
        let sql = database.sql
        try await sql.create(index: "audit_events_occurred_at").on(AuditEvent.schema).column("occurred_at").run()
        try await sql.create(index: "audit_events_ngo_occurred").on(AuditEvent.schema)
            .column("ngo_id").column("occurred_at").run()
        try await sql.create(index: "audit_events_record").on(AuditEvent.schema).column("record_id").run()
        try await AppendOnly.protect(AuditEvent.schema, message: AuditEvent.appendOnlyMessage, on: database)
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
        try await AppendOnly.unprotect(AuditEvent.schema, on: database)
    }
}

extension AuditEvent {
    /// What the database answers a statement that would change or delete a row.
    static let appendOnlyMessage = "audit_events is append-only"
}

/// Rewrites the audit log once: older rows could hold words (a case note, a file name, a login typed,
/// an erasure's reference) in their detail; it is removed from every row written before this migration.
/// The append-only trigger is lifted for this one statement and put back; the log says so.
package struct ClearAuditDetails: AsyncMigration {
    package init() {}

    package func prepare(on database: any Database) async throws {
        let count = try await AuditEvent.query(on: database).filter(\.$detail != nil).count()
        guard count > 0 else { return }
        database.logger.notice("Rewriting the audit log once: removing the detail of \(count) rows written before audit rows held ids only (the append-only trigger is lifted for this statement and restored).")
        try await AppendOnly.rewriting(AuditEvent.schema, message: AuditEvent.appendOnlyMessage, on: database) {
            try await database.sql.update(AuditEvent.schema).set("detail", to: SQLLiteral.null).where("detail", .isNot, SQLLiteral.null).run()
        }
    }

    package func revert(on database: any Database) async throws {}
}
