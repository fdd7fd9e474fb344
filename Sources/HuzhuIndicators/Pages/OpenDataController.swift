import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Each snapshot as JSON and as CSV (UTF-8 with a byte-order mark, for spreadsheets), and a feed of
/// all snapshots. The JSON carries the canonical serialisation and its digest, which
/// `huzhu indicators verify FILE` checks.
enum OpenDataController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(IndicatorsRoute.snapshotJSON(.parameter)) { request async throws -> SnapshotJSON in
            let names = try await TransparencyController.Names.load(on: request.db)
            let snapshot = try await find(request)
            return SnapshotJSON(snapshot, publisher: names.publisher(of: snapshot, request.t))
        }
        routes.get(IndicatorsRoute.snapshotCSV(.parameter), use: csv)
        routes.get(IndicatorsRoute.feed) { request async throws -> [SnapshotJSON] in
            let names = try await TransparencyController.Names.load(on: request.db)
            return try await IndicatorSnapshot.query(on: request.db).sort(\.$publishedAt).all()
                .map { SnapshotJSON($0, publisher: names.publisher(of: $0, request.t)) }
        }
    }

    static func find(_ request: Request) async throws -> IndicatorSnapshot {
        guard let snapshot = try await IndicatorSnapshot.find(try request.routeID(), on: request.db) else {
            throw HuzhuAbort.notFound
        }
        return snapshot
    }

    static func csv(_ request: Request) async throws -> Response {
        let snapshot = try await find(request)
        let names = try await TransparencyController.Names.load(on: request.db)
        let body = SnapshotJSON(snapshot, publisher: names.publisher(of: snapshot, request.t))
        var lines = [CSV.line(["key", "value"])]
        lines += Indicator.allCases.map { indicator in
            CSV.line([indicator.rawValue, snapshot.figures.unrecorded.contains(indicator) ? "" : String(snapshot.figures[indicator])])
        }
        lines += [("scope", body.scope), ("period_from", body.period_from.description), ("period_to", body.period_to.description),
                  ("definition_version", String(body.definition_version)), ("self_reported", String(body.self_reported)),
                  ("published_at", body.published_at), ("digest", body.digest)].map { CSV.line([$0.0, $0.1]) }
        return .csv(lines, filename: "indicators-\(snapshot.id!.uuidString.lowercased()).csv")
    }
}

/// A snapshot in open data.
struct SnapshotJSON: Content {
    let id: UUID
    let scope: String
    let period_kind: String
    let period_from: CalendarDate
    let period_to: CalendarDate
    let definition_version: Int
    var figures: [String: Int64]
    /// Figures nobody logged in the period (shown as "not recorded"; their value is 0).
    let unrecorded: [String]?
    let self_reported: Bool
    let replaces: UUID?
    let reason: String?
    let published_at: String
    /// The publishing NGO (the network for the network's figures), never a member of staff.
    let publisher: String
    let canonical: String
    let digest: String

    init(_ snapshot: IndicatorSnapshot, publisher: String) {
        id = snapshot.id!
        scope = IndicatorSnapshot.scopeKey(snapshot.scope)
        period_kind = snapshot.periodKind.rawValue
        period_from = snapshot.periodFrom
        period_to = snapshot.periodTo
        definition_version = snapshot.definitionVersion
        figures = Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0.rawValue, snapshot.figures[$0]) })
        unrecorded = snapshot.figures.unrecorded.map(\.rawValue).sorted()
        self_reported = snapshot.selfReported
        replaces = snapshot.replacesID
        reason = snapshot.reason
        published_at = ISO8601DateFormatter().string(from: snapshot.publishedAt)
        self.publisher = publisher
        canonical = snapshot.canonical
        digest = snapshot.digest
    }
}
