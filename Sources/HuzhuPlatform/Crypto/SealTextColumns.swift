import Fluent
import Foundation
import SQLKit

/// Moves free-text columns into sealed ones, once: adds `<column>_cipher` beside each, seals every row's
/// text into it (a page at a time), and drops the column in clear. After it, the words are in the
/// database file only as ciphertext, and `huzhu keys rotate` covers them like any sealed column.
/// `reindex` derives what else is kept of each text under the key (search grams), as key rotation does.
package struct SealTextColumns: AsyncMigration {
    package let table: String
    package let columns: [String]
    package let cipher: FieldCipher
    package let reindex: SealedColumn.Reindex?

    package init(_ table: String, _ columns: [String], cipher: FieldCipher, reindex: SealedColumn.Reindex? = nil) {
        self.table = table
        self.columns = columns
        self.cipher = cipher
        self.reindex = reindex
    }

    package var name: String { "SealTextColumns(\(table): \(columns.joined(separator: ", ")))" }

    package static func sealed(_ column: String) -> String { column + "_cipher" }

    package func prepare(on database: any Database) async throws {
        for column in columns {
            try await database.schema(table).field(.string(Self.sealed(column)), .data).update()
        }
        let sql = database.sql
        var after: UUID?
        while true {
            var query = sql.select().column("id").columns(columns.map { SQLIdentifier($0) }).from(table)
            if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
            let rows = try await query.orderBy("id").limit(500).all()
            guard let last = rows.last else { break }
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let texts = try columns.map { try row.decodeNil(column: $0) ? nil : try row.decode(column: $0, as: String.self) }
                var update = sql.update(table)
                for (column, text) in zip(columns, texts) {
                    update = update.set(SQLIdentifier(Self.sealed(column)), to: SQLBind(try text.map { try cipher.seal($0) }))
                }
                try await update.where("id", .equal, SQLBind(id)).run()
                if let reindex { for text in texts.compactMap({ $0 }) { try await reindex(id, text, cipher, database) } }
            }
            after = try last.decode(column: "id", as: UUID.self)
        }
        for column in columns {
            try await database.schema(table).deleteField(.string(column)).update()
        }
    }

    package func revert(on database: any Database) async throws {
        for column in columns {
            try await database.schema(table).field(.string(column), .string).update()
            try await database.schema(table).deleteField(.string(Self.sealed(column))).update()
        }
    }
}
