import Fluent
import Foundation
import HuzhuPlatform
import SQLKit

/// A worker's name at rest: sealed, with a keyed hash of the whole name (to spot duplicates) and
/// search grams (to find it by part), all under the deployment's key.
package enum WorkerName {
    package static let recordType = "worker"

    package static func hash(_ name: String, _ cipher: FieldCipher) -> String {
        cipher.lookupHash("name:" + String(SearchGrams.normalised(name)))
    }

    /// Seals the name onto the worker (before it is saved).
    package static func seal(_ name: String, onto worker: Worker, _ cipher: FieldCipher) throws {
        worker.nameCipher = try cipher.seal(name)
        worker.nameHash = hash(name, cipher)
    }

    /// Indexes the saved worker's name for search.
    package static func index(_ worker: Worker, name: String, _ cipher: FieldCipher, on db: any Database) async throws {
        try await SearchGrams.index(name, recordType: recordType, recordID: worker.requireID(), ngoID: worker.ngoID,
                                    cipher: cipher, on: db)
    }

    /// Seals, saves and indexes: the one way to give a worker a name.
    package static func set(_ name: String, on worker: Worker, _ cipher: FieldCipher, on db: any Database) async throws {
        try seal(name, onto: worker, cipher)
        try await worker.save(on: db)
        try await index(worker, name: name, cipher, on: db)
    }

    /// The NGO's workers whose name holds `text` (at most `limit` candidates by hash, each confirmed).
    package static func matching(_ text: String, ngoID: UUID?, cipher: FieldCipher, on db: any Database) async throws -> [UUID] {
        let candidates = try await SearchGrams.candidates(text, recordType: recordType, ngoID: ngoID, cipher: cipher, on: db)
        guard !candidates.isEmpty else { return [] }
        return try await Worker.query(on: db).filter(\.$id ~~ candidates).all()
            .filter { (try? SearchGrams.matches($0.openName(cipher), text)) == true }.compactMap(\.id)
    }

    /// For key rotation: the hash and grams of a name re-sealed under the new key.
    static let reindex: SealedColumn.Reindex = { id, name, cipher, db in
        try await db.sql.update(Worker.schema).set("name_hash", to: SQLBind(hash(name, cipher))).where("id", .equal, SQLBind(id)).run()
        let ngoID = try await Worker.find(id, on: db)?.ngoID
        try await SearchGrams.index(name, recordType: recordType, recordID: id, ngoID: ngoID, cipher: cipher, on: db)
    }
}

/// Moves the names in clear into their sealed form, hash and grams, once, then drops the clear column.
struct SealWorkerNames: AsyncMigration {
    let cipher: FieldCipher

    func prepare(on database: any Database) async throws {
        try await database.schema(Worker.schema).field("name_cipher", .data).update()
        try await database.schema(Worker.schema).field("name_hash", .string).update()
        let sql = database.sql
        var after: UUID?
        while true {
            var query = sql.select().column("id").column("ngo_id").column("name").from(Worker.schema)
            if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
            let rows = try await query.orderBy("id").limit(500).all()
            guard let last = rows.last else { break }
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let name = try row.decode(column: "name", as: String.self)
                try await sql.update(Worker.schema).set("name_cipher", to: SQLBind(try cipher.seal(name)))
                    .set("name_hash", to: SQLBind(WorkerName.hash(name, cipher))).where("id", .equal, SQLBind(id)).run()
                try await SearchGrams.index(name, recordType: WorkerName.recordType, recordID: id,
                                            ngoID: try row.decode(column: "ngo_id", as: UUID.self), cipher: cipher, on: database)
            }
            after = try last.decode(column: "id", as: UUID.self)
        }
        try await sql.drop(index: "workers_ngo_name").run()
        try await database.schema(Worker.schema).deleteField("name").update()
        try await sql.create(index: "workers_name_hash").on(Worker.schema).column("ngo_id").column("name_hash").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Worker.schema).field("name", .string).update()
        try await database.schema(Worker.schema).deleteField("name_cipher").update()
        try await database.schema(Worker.schema).deleteField("name_hash").update()
    }
}
