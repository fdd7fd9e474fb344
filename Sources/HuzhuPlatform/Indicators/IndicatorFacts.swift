import Foundation
import HuzhuCore
import SQLKit
import Vapor

/// What the features know of one period and scope for the indicators (shared/spec/indicators.md). A
/// feature adds the figures it counts alone, and the workers it served or who recovered wages as SQL that
/// selects their ids, so that the engine counts each worker once across features.
package struct IndicatorFacts: Sendable {
    package var figures = IndicatorFigures()
    /// Selects the ids of workers served directly (a contact, a case, a training); counted once together.
    package var served: [SQLQueryString] = []
    /// People served without a worker record (anonymous contacts), added to the direct beneficiaries.
    package var anonymousServed: Int64 = 0
    /// Selects the ids of workers who received recovered wages; counted once together.
    package var recovering: [SQLQueryString] = []
    /// Figures logged by people (`Indicator.loggedByPeople`) for which some record exists in the period.
    package var recorded: Set<Indicator> = []

    package init() {}
}

/// A feature's contribution to the indicators from the records it owns, registered at composition
/// (`Feature.contribute(to:)`). It reads only its own tables.
package protocol IndicatorFactSource: Sendable {
    func contribute(_ period: IndicatorPeriod, scope: Scope, to facts: inout IndicatorFacts, on db: any SQLDatabase) async throws
}

/// Counts distinct workers among the ids a query selects, by the rule of indicators.md (by record within an
/// NGO, by the network-wide key across NGOs); provided by the feature that keeps workers.
package protocol WorkerCounter: Sendable {
    func distinct(_ ids: SQLQueryString, scope: Scope, on db: any SQLDatabase) async throws -> Int64
}

/// Every feature's sources of indicator facts and the worker counter, as composed.
package struct IndicatorSources: Sendable {
    package var facts: [any IndicatorFactSource] = []
    package var workers: (any WorkerCounter)?

    package init() {}
}

extension Application {
    private struct IndicatorSourcesKey: StorageKey { typealias Value = IndicatorSources }

    package var indicatorSources: IndicatorSources {
        get { storage[IndicatorSourcesKey.self] ?? IndicatorSources() }
        set { storage[IndicatorSourcesKey.self] = newValue }
    }
}

extension Scope {
    /// The SQL condition (` AND …`) that keeps rows of `table` within the scope, by its `ngo_id` and
    /// `office_id` columns; empty for the network.
    package func sqlCondition(_ table: String) -> SQLQueryString {
        switch self {
        case .network: ""
        case .ngo(let ngo): "AND \(ident: table).ngo_id = \(bind: ngo)"
        // The NGO too, though the office implies it: the indexes on (ngo_id, office_id, …) then serve.
        case .office(let ngo, let office): "AND \(ident: table).ngo_id = \(bind: ngo) AND \(ident: table).office_id = \(bind: office)"
        }
    }
}

extension SQLRow {
    /// A count or sum of the row; an empty set's NULL is zero.
    package func number(_ column: String) throws -> Int64 {
        try decodeNil(column: column) ? 0 : decode(column: column, as: Int64.self)
    }
}

extension IndicatorPeriod {
    /// The period's first and last instants (its end excluded), in Beijing.
    package var instants: (from: Date, to: Date) {
        (ShanghaiTime.instant(localMinute: "\(from)T00:00")!, ShanghaiTime.instant(localMinute: "\(to)T00:00")!)
    }
}
