import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Published snapshots of closed periods whose figures, computed again now, differ: records entered or
/// changed after publication. Shown to those who publish, so they can publish a revision.
enum Discrepancies {
    struct Item {
        let snapshot: IndicatorSnapshot
        let differences: [(Indicator, Int64, Int64)]
    }

    static func find(in scopes: [Scope], today: CalendarDate, engine: IndicatorEngine) async throws -> [Item] {
        let db = engine.db
        var items: [Item] = []
        for scope in scopes {
            let snapshots = try await IndicatorSnapshot.query(on: db).filter(\.$selfReported == false)
                .filter(\.$periodTo <= today).sort(\.$publishedAt, .descending).limit(200).all()
                .filter { IndicatorSnapshot.scopeKey($0.scope) == IndicatorSnapshot.scopeKey(scope) }
            var latest: [String: IndicatorSnapshot] = [:]
            for snapshot in snapshots where latest["\(snapshot.periodFrom)|\(snapshot.periodTo)"] == nil {
                latest["\(snapshot.periodFrom)|\(snapshot.periodTo)"] = snapshot
            }
            for snapshot in latest.values {
                guard let period = snapshot.period else { continue }
                let now = try await engine.compute(period, scope: scope)
                let differences = Indicator.allCases.compactMap { indicator in
                    snapshot.figures[indicator] == now[indicator] ? nil : (indicator, snapshot.figures[indicator], now[indicator])
                }
                if !differences.isEmpty { items.append(Item(snapshot: snapshot, differences: differences)) }
            }
        }
        return items.sorted { $0.snapshot.periodFrom < $1.snapshot.periodFrom }
    }
}
