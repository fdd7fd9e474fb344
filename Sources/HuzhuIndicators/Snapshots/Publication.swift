import Crypto
import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Publishing the figures of a scope and period: computed (or, for an NGO that does not record its work
/// here, entered and marked self-reported), frozen with their digest. Publishing a scope and period
/// again is a revision: it must say why, and names what it replaces.
enum Publication {
    static func digest(_ canonical: String) -> String {
        SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The latest snapshot of a scope and period (the one a revision would replace).
    static func latest(_ scope: Scope, _ period: IndicatorPeriod, on db: any Database) async throws -> IndicatorSnapshot? {
        let query = IndicatorSnapshot.query(on: db).filter(\.$periodFrom == period.from)
            .filter(\.$periodTo == period.to)
        switch scope {
        case .network: query.filter(\.$scopeKind == "network")
        case .ngo(let ngo): query.filter(\.$scopeKind == "ngo").filter(\.$ngoID == ngo)
        case .office(_, let office): query.filter(\.$scopeKind == "office").filter(\.$officeID == office)
        }
        return try await query.sort(\.$publishedAt, .descending).first()
    }

    @discardableResult
    static func publish(_ figures: IndicatorFigures, scope: Scope, period: IndicatorPeriod, selfReported: Bool,
                        reason: String?, in work: WorkContext) async throws -> IndicatorSnapshot {
        let previous = try await latest(scope, period, on: work.db)
        let why = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if previous != nil && why.isEmpty { throw ValidationErrors([FieldError("reason", "error.revision_reason")]) }
        if why.count > 1000 { throw ValidationErrors([FieldError("reason", "error.text_too_long")]) }
        let snapshot = IndicatorSnapshot()
        switch scope {
        case .network: snapshot.scopeKind = "network"
        case .ngo(let ngo):
            snapshot.scopeKind = "ngo"
            snapshot.ngoID = ngo
        case .office(let ngo, let office):
            snapshot.scopeKind = "office"
            snapshot.ngoID = ngo
            snapshot.officeID = office
        }
        snapshot.periodKind = period.kind
        snapshot.periodFrom = period.from
        snapshot.periodTo = period.to
        snapshot.definitionVersion = Indicator.definitionVersion
        snapshot.canonical = figures.canonical(period: period, scope: IndicatorSnapshot.scopeKey(scope))
        snapshot.digest = digest(snapshot.canonical)
        snapshot.selfReported = selfReported
        snapshot.replacesID = previous?.id
        snapshot.reason = previous == nil ? nil : why
        snapshot.publishedAt = work.now
        snapshot.publishedBy = work.actor.userID
        snapshot.publisherName = work.actor.displayName
        try await work.write { work in
            try await snapshot.create(on: work.db)
            try await work.audit(.publishIndicators, recordType: "indicator_snapshot", recordID: snapshot.id, ngoID: snapshot.ngoID)
        }
        return snapshot
    }
}
