import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit
import Vapor

/// The one implementation of the ten definitions of indicators.md. It names no feature's table: each
/// feature contributes the facts its own records hold (`IndicatorFactSource`, registered at composition),
/// and the engine adds them up, counting the workers they served once across features (`WorkerCounter`).
/// The SQL is set-based and runs the same on SQLite and PostgreSQL.
struct IndicatorEngine {
    let db: any Database
    let sources: IndicatorSources

    init(db: any Database, sources: IndicatorSources) {
        self.db = db
        self.sources = sources
    }

    func compute(_ period: IndicatorPeriod, scope: Scope) async throws -> IndicatorFigures {
        var facts = IndicatorFacts()
        for source in sources.facts {
            try await source.contribute(period, scope: scope, to: &facts, on: db.sql)
        }
        var figures = facts.figures
        figures[.workersRecoveringWages] = try await distinct(facts.recovering, scope: scope)
        figures[.directBeneficiaries] = try await distinct(facts.served, scope: scope) + facts.anonymousServed
        figures.unrecorded = Indicator.loggedByPeople.subtracting(facts.recorded)
        return figures
    }

    /// The workers the queries select, each counted once.
    private func distinct(_ queries: [SQLQueryString], scope: Scope) async throws -> Int64 {
        guard let workers = sources.workers, let first = queries.first else { return 0 }
        let union = queries.dropFirst().reduce(first) { "\($0) UNION \($1)" }
        return try await workers.distinct(union, scope: scope, on: db.sql)
    }
}

extension Request {
    /// The indicator engine over the features' facts, on this request's database.
    var indicatorEngine: IndicatorEngine { IndicatorEngine(db: db, sources: application.indicatorSources) }
}
