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

    /// The NGO's workers whose name holds `text`: at most `limit` found by hash, each confirmed.
    package static func matching(_ text: String, ngoID: UUID?, cipher: FieldCipher, limit: Int = 500,
                                 on db: any Database) async throws -> [UUID] {
        guard let byName = SearchGrams.condition(text, recordType: recordType, ngoID: ngoID, table: Worker.schema,
                                                 cipher: cipher) else { return [] }
        return try await Worker.query(on: db).filter(byName).limit(limit).all()
            .filter { (try? SearchGrams.matches($0.openName(cipher), text)) == true }.compactMap(\.id)
    }

    /// The hash and grams of a name sealed under `cipher` (key rotation, the migration that seals names).
    static let reindex: SealedColumn.Reindex = { id, name, cipher, db in
        try await db.sql.update(Worker.schema).set("name_hash", to: SQLBind(hash(name, cipher))).where("id", .equal, SQLBind(id)).run()
        try await SearchGrams.reindex(recordType: recordType, table: Worker.schema)(id, name, cipher, db)
    }
}

/// Moves the names in clear into their sealed form, hash and grams, once, then drops the clear column.
struct SealWorkerNames: AsyncMigration {
    let cipher: FieldCipher

    func prepare(on database: any Database) async throws {
        try await database.schema(Worker.schema).field("name_hash", .string).update()
        try await database.sql.drop(index: "workers_ngo_name").run()
        try await SealTextColumns(Worker.schema, ["name"], cipher: cipher, reindex: WorkerName.reindex).prepare(on: database)
        try await database.sql.create(index: "workers_name_hash").on(Worker.schema).column("ngo_id").column("name_hash").run()
    }

    func revert(on database: any Database) async throws {
        try await SealTextColumns(Worker.schema, ["name"], cipher: cipher).revert(on: database)
        try await database.schema(Worker.schema).deleteField("name_hash").update()
    }
}
