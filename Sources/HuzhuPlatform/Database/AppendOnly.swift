import Fluent
import SQLKit

/// Tables the database itself keeps append-only: a trigger refuses every UPDATE and DELETE (and
/// TRUNCATE on PostgreSQL), whatever code or person asks. The audit log and published indicator
/// snapshots are such tables.
package enum AppendOnly {
    /// Installs the triggers on `table`; `message` is what a refused statement reports.
    package static func protect(_ table: String, message: String, on database: any Database) async throws {
        let sql = database.sql
        if database.isSQLite {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: operation.lowercased())
                    BEFORE \(unsafeRaw: operation) ON \(unsafeRaw: table)
                    BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: message)'); END
                    """).run()
            }
        } else {
            try await sql.raw("""
                CREATE FUNCTION \(unsafeRaw: table)_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '\(unsafeRaw: message)'; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON \(unsafeRaw: table)
                FOR EACH STATEMENT EXECUTE FUNCTION \(unsafeRaw: table)_append_only()
                """).run()
        }
    }

    /// Runs `change` with the triggers lifted, then puts them back: for a migration that must rewrite
    /// history once, and says so in its name and in the log.
    package static func rewriting(_ table: String, message: String, on database: any Database,
                                  _ change: () async throws -> Void) async throws {
        let sql = database.sql
        if database.isSQLite {
            for operation in ["update", "delete"] { try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_no_\(unsafeRaw: operation)").run() }
        } else {
            try await sql.raw("DROP TRIGGER \(unsafeRaw: table)_append_only ON \(unsafeRaw: table)").run()
            try await sql.raw("DROP FUNCTION \(unsafeRaw: table)_append_only()").run()
        }
        try await change()
        try await protect(table, message: message, on: database)
    }

    /// Drops what `protect` installed that outlives the table (PostgreSQL's function); call after the table is dropped.
    package static func unprotect(_ table: String, on database: any Database) async throws {
        if !database.isSQLite { try await database.sql.raw("DROP FUNCTION \(unsafeRaw: table)_append_only()").run() }
    }
}
