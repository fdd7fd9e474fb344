import Fluent
import FluentSQL
import Foundation
import SQLKit

/// Search by part of a sealed text (a worker's name, a case title) without keeping it in clear: each
/// character and each pair of neighbouring characters is stored only as a keyed hash, so a search for
/// 张 or 小明 finds 王小明 by hashes alone, and the candidates are confirmed by opening their text.
/// Chinese names are two to four characters; a search of two or more characters matches by pairs.
package final class SearchGram: Model, @unchecked Sendable {
    package static let schema = "search_grams"

    @ID(key: .id) package var id: UUID?
    @OptionalField(key: "ngo_id") package var ngoID: UUID?
    /// What the text belongs to: `worker` (its name), `case` (its title).
    @Field(key: "record_type") package var recordType: String
    @Field(key: "record_id") package var recordID: UUID
    @Field(key: "gram") package var gram: String

    package init() {}
}

package enum SearchGrams {
    /// What is compared: trimmed, lower-cased, without spaces.
    package static func normalised(_ text: String) -> [Character] {
        Array(text.lowercased().filter { !$0.isWhitespace })
    }

    /// The pieces of a text that are indexed: every character and every pair.
    package static func pieces(of text: String) -> Set<String> {
        let characters = normalised(text)
        var pieces = Set(characters.map { String($0) })
        for index in characters.indices.dropLast() { pieces.insert(String(characters[index...index + 1])) }
        return pieces
    }

    /// The pieces a search needs: its character, or its pairs.
    package static func pieces(ofQuery text: String) -> Set<String> {
        let characters = normalised(text)
        guard characters.count > 1 else { return Set(characters.map { String($0) }) }
        return Set(characters.indices.dropLast().map { String(characters[$0...$0 + 1]) })
    }

    private static func hash(_ piece: String, _ recordType: String, key hash: (String) -> String) -> String {
        String(hash("gram:\(recordType):\(piece)").prefix(32))
    }

    /// The grams of `text` under the current key, as stored.
    package static func grams(of text: String, recordType: String, cipher: FieldCipher) -> Set<String> {
        Set(pieces(of: text).map { hash($0, recordType, key: cipher.lookupHash) })
    }

    /// Replaces the record's grams with those of `text`, under the current key.
    package static func index(_ text: String, recordType: String, recordID: UUID, ngoID: UUID?, cipher: FieldCipher,
                              on db: any Database) async throws {
        try await SearchGram.query(on: db).filter(\.$recordType == recordType).filter(\.$recordID == recordID).delete()
        let grams = grams(of: text, recordType: recordType, cipher: cipher)
        guard !grams.isEmpty else { return }
        var insert = db.sql.insert(into: SearchGram.schema).columns("id", "ngo_id", "record_type", "record_id", "gram")
        for gram in grams {
            insert = insert.values(SQLBind(UUID()), SQLBind(ngoID), SQLBind(recordType), SQLBind(recordID), SQLBind(gram))
        }
        try await insert.run()
    }

    /// Re-derives a record's grams from its text under `cipher` (key rotation, sealing a column): the
    /// record's NGO read from `table` by SQL, so that it works whatever the model's columns are by then.
    package static func reindex(recordType: String, table: String) -> SealedColumn.Reindex {
        { id, text, cipher, db in
            let ngoID = try await db.sql.select().column("ngo_id").from(table).where("id", .equal, SQLBind(id)).first()?
                .decode(column: "ngo_id", as: UUID?.self)
            try await index(text, recordType: recordType, recordID: id, ngoID: ngoID, cipher: cipher, on: db)
        }
    }

    /// A condition on `table.id` for a query of records of this type whose text holds every piece of
    /// `query`, by hashes alone (a subquery, so a common surname is not cut off at any number). The
    /// caller confirms the rows it shows by opening their text. Nil when the query has no piece.
    package static func condition(_ query: String, recordType: String, ngoID: UUID?, table: String,
                                  cipher: FieldCipher) -> DatabaseQuery.Filter? {
        let pieces = pieces(ofQuery: query)
        guard !pieces.isEmpty else { return nil }
        let branches: [SQLQueryString] = cipher.lookupHashers.map { key in
            let grams = Array(Set(pieces.map { hash($0, recordType, key: key) }))
            var select: SQLQueryString = "\(ident: table).\(ident: "id") IN (SELECT record_id FROM \(ident: SearchGram.schema) WHERE record_type = \(bind: recordType) AND gram IN (\(binds: grams))"
            if let ngoID { select += " AND ngo_id = \(bind: ngoID)" }
            return select + " GROUP BY record_id HAVING COUNT(DISTINCT gram) >= \(literal: grams.count))"
        }
        return .sql(embed: "(" + branches.joined(separator: " OR ") + ")")
    }

    /// Whether `text` holds `query` as the search compares them.
    package static func matches(_ text: String, _ query: String) -> Bool {
        String(normalised(text)).contains(String(normalised(query)))
    }
}

package struct CreateSearchGrams: AsyncMigration {
    package init() {}

    package func prepare(on database: any Database) async throws {
        try await database.schema(SearchGram.schema)
            .id()
            .field("ngo_id", .uuid)
            .field("record_type", .string, .required)
            .field("record_id", .uuid, .required)
            .field("gram", .string, .required)
            .create()
        try await database.sql.create(index: "search_grams_lookup").on(SearchGram.schema)
            .column("record_type").column("gram").column("ngo_id").run()
        try await database.sql.create(index: "search_grams_record").on(SearchGram.schema).column("record_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(SearchGram.schema).delete()
    }
}
