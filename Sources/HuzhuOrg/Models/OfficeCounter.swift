import Fluent
import Foundation
import HuzhuPlatform
import SQLKit

/// Running numbers per office and series (`contact-2026`, later `case-2026`), for readable record numbers
/// such as `BJ-2026-C000042`. One upsert statement takes the next number, so two operators saving at the
/// same moment never get the same one, on either database.
package enum OfficeCounter {
    static let schema = "office_counters"

    package static func next(office: UUID, series: String, on db: any Database) async throws -> Int {
        struct Row: Decodable { let value: Int }
        let row = try await db.sql.raw("""
            INSERT INTO office_counters (id, office_id, series, value) VALUES (\(bind: UUID()), \(bind: office), \(bind: series), 1)
            ON CONFLICT (office_id, series) DO UPDATE SET value = office_counters.value + 1
            RETURNING value
            """).first(decoding: Row.self)
        guard let row else { throw HuzhuAbort(.internalServerError, "error.internal") }
        return row.value
    }
}

extension OfficeCounter {
    /// Makes sure the next number of a series comes after `value` (after records were loaded in bulk).
    package static func raise(office: UUID, series: String, to value: Int, on db: any Database) async throws {
        try await db.sql.raw("""
            INSERT INTO office_counters (id, office_id, series, value) VALUES (\(bind: UUID()), \(bind: office), \(bind: series), \(bind: value))
            ON CONFLICT (office_id, series) DO UPDATE SET value = CASE WHEN office_counters.value > \(bind: value)
              THEN office_counters.value ELSE \(bind: value) END
            """).run()
    }
}

struct CreateOfficeCounters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OfficeCounter.schema)
            .id()
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("series", .string, .required)
            .field("value", .int, .required)
            .unique(on: "office_id", "series")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OfficeCounter.schema).delete()
    }
}
