import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import SQLKit

/// A published set of figures: frozen, with the definition version, the time, the publisher and the
/// SHA-256 digest of its canonical serialisation. The database refuses to change or delete one; a
/// correction is a new snapshot that names the one it replaces and why.
package final class IndicatorSnapshot: Model, @unchecked Sendable {
    package static let schema = "indicator_snapshots"

    @ID(key: .id) package var id: UUID?
    /// `network`, `ngo` or `office`.
    @Field(key: "scope_kind") package var scopeKind: String
    @OptionalField(key: "ngo_id") package var ngoID: UUID?
    @OptionalField(key: "office_id") package var officeID: UUID?
    @Field(key: "period_kind") package var periodKind: IndicatorPeriod.Kind
    @Field(key: "period_from") package var periodFrom: CalendarDate
    @Field(key: "period_to") package var periodTo: CalendarDate
    @Field(key: "definition_version") package var definitionVersion: Int
    /// The canonical serialisation, exactly as digested.
    @Field(key: "canonical") package var canonical: String
    @Field(key: "digest") package var digest: String
    @Field(key: "self_reported") package var selfReported: Bool
    @OptionalField(key: "replaces_id") package var replacesID: UUID?
    @OptionalField(key: "reason") package var reason: String?
    @Field(key: "published_at") package var publishedAt: Date
    @Field(key: "published_by") package var publishedBy: UUID
    @Field(key: "publisher_name") package var publisherName: String

    package init() {}

    var period: IndicatorPeriod? {
        try? IndicatorPeriod(kind: periodKind, from: periodFrom, to: periodTo)
    }

    var scope: Scope {
        switch (ngoID, officeID) {
        case (let ngo?, let office?): .office(ngo: ngo, office: office)
        case (let ngo?, nil): .ngo(ngo)
        default: .network
        }
    }

    /// The figures, read back from the canonical serialisation.
    var figures: IndicatorFigures {
        let object = (try? JSONSerialization.jsonObject(with: Data(canonical.utf8))) as? [String: Any] ?? [:]
        return IndicatorFigures(Dictionary(uniqueKeysWithValues: Indicator.allCases.map {
            ($0, (object[$0.rawValue] as? NSNumber)?.int64Value ?? 0)
        }), unrecorded: Set((object["unrecorded"] as? [String] ?? []).compactMap(Indicator.init(rawValue:))))
    }

    /// The scope as the canonical serialisation names it.
    static func scopeKey(_ scope: Scope) -> String {
        switch scope {
        case .network: "network"
        case .ngo(let ngo): "ngo:\(ngo.uuidString.lowercased())"
        case .office(_, let office): "office:\(office.uuidString.lowercased())"
        }
    }
}

struct CreateIndicatorSnapshots: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorSnapshot.schema)
            .id()
            .field("scope_kind", .string, .required)
            .field("ngo_id", .uuid, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .references(Office.schema, "id"))
            .field("period_kind", .string, .required)
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("definition_version", .int, .required)
            .field("canonical", .string, .required)
            .field("digest", .string, .required)
            .field("self_reported", .bool, .required)
            .field("replaces_id", .uuid, .references(IndicatorSnapshot.schema, "id"))
            .field("reason", .string)
            .field("published_at", .datetime, .required)
            .field("published_by", .uuid, .required)
            .field("publisher_name", .string, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "indicator_snapshots_scope_period").on(IndicatorSnapshot.schema)
            .column("scope_kind").column("ngo_id").column("office_id").column("period_from").run()
        try await AppendOnly.protect(IndicatorSnapshot.schema, message: "indicator_snapshots never change", on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorSnapshot.schema).delete()
        try await AppendOnly.unprotect(IndicatorSnapshot.schema, on: database)
    }
}
