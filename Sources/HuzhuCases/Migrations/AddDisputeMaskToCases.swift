import Fluent
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// Moves a case's dispute types from comma-joined text searched with LIKE (`,wage_arrears,overtime,`)
/// into `dispute_mask`, one bit each (`DisputeTypes`): one UPDATE a type, then the text column goes.
struct AddDisputeMaskToCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Case.schema).field("dispute_mask", .int64, .required, .sql(.default(0))).update()
        let sql = database.sql
        for type in DisputeType.allCases {
            try await sql.raw("""
                UPDATE cases SET dispute_mask = dispute_mask + \(bind: DisputeTypes.bit(type))
                WHERE dispute_types LIKE \(bind: "%,\(type.rawValue),%")
                """).run()
        }
        try await database.schema(Case.schema).deleteField("dispute_types").update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Case.schema).field("dispute_types", .string, .required, .sql(.default(""))).update()
        for type in DisputeType.allCases {
            try await database.sql.raw("""
                UPDATE cases SET dispute_types = dispute_types || \(bind: ",\(type.rawValue),")
                WHERE (dispute_mask & \(bind: DisputeTypes.bit(type))) <> 0
                """).run()
        }
        try await database.schema(Case.schema).deleteField("dispute_mask").update()
    }
}
