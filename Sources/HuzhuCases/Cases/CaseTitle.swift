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
    /// A title from longer words: the first phrase (up to a sentence's or clause's end), at most 30 characters.
    static func short(_ text: String) -> String {
        let phrase = text.trimmingCharacters(in: .whitespacesAndNewlines).split(whereSeparator: { "。，,.;；！？!?\n".contains($0) })
            .first.map(String.init) ?? ""
        return String(phrase.trimmingCharacters(in: .whitespaces).prefix(30))
    }

    static func label(_ found: Case, _ cipher: FieldCipher) throws -> String {
        "\(found.number) · \(try found.openTitle(cipher))"
    }

    /// The grams of a title sealed under `cipher` (key rotation, the migration that seals titles).
    static let reindex = SearchGrams.reindex(recordType: recordType, table: Case.schema)
}
