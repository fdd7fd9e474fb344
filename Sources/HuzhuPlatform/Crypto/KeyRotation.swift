import Fluent
import Foundation
import SQLKit
import Vapor

/// A column sealed with the deployment's secret key, the column holding the same value's lookup hash,
/// if it has one, and what else is derived from the value under the key (search grams), to redo.
package struct SealedColumn: Sendable {
    package typealias Reindex = @Sendable (_ id: UUID, _ plaintext: String, FieldCipher, any Database) async throws -> Void
    package let table: String
    package let cipher: String
    package let hash: String?
    package let reindex: Reindex?

    package init(table: String, cipher: String, hash: String? = nil, reindex: Reindex? = nil) {
        self.table = table
        self.cipher = cipher
        self.hash = hash
        self.reindex = reindex
    }
}

/// Re-encrypts every sealed column under the current secret key, and recomputes its lookup hash, for
/// the rows the previous key sealed. A page of rows at a time, each page one transaction that changes
/// a row only if it still holds what was read (so a row edited meanwhile is left to the next run).
/// Runs while the server serves: with both keys configured, it reads either and writes the new one.
package enum KeyRotation {
    package struct Progress: Sendable {
        package let column: String
        package let done: Int
        package let total: Int
    }

    package static let pageSize = 500

    /// Rotates every column; `report` hears after each page. Returns how many values were re-encrypted.
    @discardableResult
    package static func run(_ columns: [SealedColumn], cipher: FieldCipher, on db: any Database,
                            report: (Progress) -> Void) async throws -> Int {
        var changed = 0
        for column in columns {
            let name = "\(column.table).\(column.cipher)"
            let total = try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(column.table)
                .where(SQLIdentifier(column.cipher), .isNot, SQLLiteral.null).first()?.decode(column: "n", as: Int.self) ?? 0
            var done = 0
            var after: UUID?
            while true {
                var query = db.sql.select().column("id").column(SQLAlias(SQLIdentifier(column.cipher), as: SQLIdentifier("sealed")))
                    .from(column.table).where(SQLIdentifier(column.cipher), .isNot, SQLLiteral.null)
                if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
                let rows = try await query.orderBy("id").limit(pageSize).all()
                guard !rows.isEmpty else { break }
                var updates: [(id: UUID, old: Data, sealed: Data, hash: String?, plaintext: String)] = []
                for row in rows {
                    let id = try row.decode(column: "id", as: UUID.self)
                    let old = try row.decode(column: "sealed", as: Data.self)
                    let (plaintext, current) = try cipher.openTellingKey(old)
                    if !current {
                        updates.append((id, old, try cipher.seal(plaintext), column.hash.map { _ in cipher.lookupHash(plaintext) }, plaintext))
                    }
                }
                if !updates.isEmpty {
                    let page = updates
                    try await db.write { db in
                        for update in page {
                            var statement = db.sql.update(column.table).set(SQLIdentifier(column.cipher), to: SQLBind(update.sealed))
                            if let hash = column.hash, let value = update.hash { statement = statement.set(SQLIdentifier(hash), to: SQLBind(value)) }
                            try await statement.where("id", .equal, SQLBind(update.id))
                                .where(SQLIdentifier(column.cipher), .equal, SQLBind(update.old)).run()
                            try await column.reindex?(update.id, update.plaintext, cipher, db)
                        }
                    }
                }
                changed += updates.count
                done += rows.count
                after = try rows.last!.decode(column: "id", as: UUID.self)
                report(Progress(column: name, done: done, total: total))
            }
            if done == 0 { report(Progress(column: name, done: 0, total: 0)) }
        }
        return changed
    }

    /// How many sealed values the current key alone cannot open (0 once a rotation is complete). Rows
    /// stream past one at a time: a million phone numbers are never in memory at once.
    package static func remaining(_ columns: [SealedColumn], cipher: FieldCipher, on db: any Database) async throws -> Int {
        let counter = Counter()
        for column in columns {
            try await db.sql.select().column(SQLAlias(SQLIdentifier(column.cipher), as: SQLIdentifier("sealed")))
                .from(column.table).where(SQLIdentifier(column.cipher), .isNot, SQLLiteral.null).run { row in
                    if (try? cipher.openTellingKey(try row.decode(column: "sealed", as: Data.self)).current) != true { counter.add() }
                }
        }
        return counter.value
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}

extension Application {
    private struct SealedColumnsKey: StorageKey { typealias Value = [SealedColumn] }

    /// Every feature's sealed columns.
    package var sealedColumns: [SealedColumn] {
        get { storage[SealedColumnsKey.self] ?? [] }
        set { storage[SealedColumnsKey.self] = newValue }
    }
}
