import Fluent
import Foundation
import HuzhuPlatform

/// A case's title at rest: sealed, and searchable by part through `SearchGrams`.
package enum CaseTitle {
    package static let recordType = "case"

    /// Indexes the saved case's title for search.
    static func index(_ found: Case, title: String, _ cipher: FieldCipher, on db: any Database) async throws {
        try await SearchGrams.index(title, recordType: recordType, recordID: found.requireID(), ngoID: found.ngoID,
                                    cipher: cipher, on: db)
    }

    /// "BJ-2026-00042 · title", as lists show a case.
    static func label(_ found: Case, _ cipher: FieldCipher) throws -> String {
        "\(found.number) · \(try found.openTitle(cipher))"
    }

    /// For key rotation: the grams of a title re-sealed under the new key.
    static let reindex: SealedColumn.Reindex = { id, title, cipher, db in
        let ngoID = try await Case.find(id, on: db)?.ngoID
        try await SearchGrams.index(title, recordType: recordType, recordID: id, ngoID: ngoID, cipher: cipher, on: db)
    }
}

/// Moves the titles in clear into their sealed form and grams, once, then drops the clear column.
struct SealCaseTitles: AsyncMigration {
    let cipher: FieldCipher

    func prepare(on database: any Database) async throws {
        try await SealTextColumns(Case.schema, ["title"], cipher: cipher).prepare(on: database)
        var after: UUID?
        while true {  // a page at a time: a national network holds many cases
            let query = Case.query(on: database).sort(\.$id).limit(500)
            if let after { query.filter(\.$id > after) }
            let page = try await query.all()
            guard let last = page.last else { break }
            for found in page { try await CaseTitle.index(found, title: try found.openTitle(cipher), cipher, on: database) }
            after = last.id
        }
    }

    func revert(on database: any Database) async throws {
        try await SealTextColumns(Case.schema, ["title"], cipher: cipher).revert(on: database)
    }
}
