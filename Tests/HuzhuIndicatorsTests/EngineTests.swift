import Foundation
import HuzhuCore
@testable import HuzhuIndicators
import HuzhuPlatform
import SQLKit
import Testing
import Vapor

/// The engine adds up what the features contribute; it knows no feature's table.
@Suite("The indicator engine over the features' facts")
struct EngineTests {
    /// A feature's facts, fixed: its figures, and the workers it served or who recovered wages.
    struct Source: IndicatorFactSource {
        let figures: [Indicator: Int64]
        let served: [String], recovering: [String], anonymous: Int64

        func contribute(_ period: IndicatorPeriod, scope: Scope, to facts: inout IndicatorFacts, on db: any SQLDatabase) async throws {
            for (indicator, value) in figures { facts.figures[indicator] += value }
            facts.served += served.map { "SELECT \(literal: $0) AS worker_id" }
            facts.recovering += recovering.map { "SELECT \(literal: $0) AS worker_id" }
            facts.anonymousServed += anonymous
        }
    }

    /// Counts the distinct ids the union selects, as the feature that keeps workers would.
    struct Counter: WorkerCounter {
        func distinct(_ ids: SQLQueryString, scope: Scope, on db: any SQLDatabase) async throws -> Int64 {
            struct Row: Decodable { let n: Int64 }
            return try await db.raw("SELECT COUNT(*) AS n FROM (\(ids)) AS served").first(decoding: Row.self)?.n ?? 0
        }
    }

    @Test("Figures add up across features; a worker served by two features is counted once, anonymous people each")
    func combine() async throws {
        try await TestDatabase.run(configure: { app, configuration in
            try Platform.configure(app, configuration, keys: KeyRing(secret: configuration.secretKey!, network: configuration.networkKey!))
        }) { app in
            var sources = IndicatorSources()
            sources.facts = [
                Source(figures: [.hotlineCalls: 5, .visits: 2], served: ["a", "b"], recovering: [], anonymous: 3),
                Source(figures: [.casesAccepted: 1, .amountRecoveredFen: 500], served: ["b", "c"], recovering: ["c"], anonymous: 0),
            ]
            sources.workers = Counter()
            let figures = try await IndicatorEngine(db: app.db, sources: sources).compute(.month(2026, 10), scope: .network)
            #expect(figures[.hotlineCalls] == 5 && figures[.visits] == 2 && figures[.casesAccepted] == 1)
            #expect(figures[.amountRecoveredFen] == 500)
            #expect(figures[.directBeneficiaries] == 3 + 3)
            #expect(figures[.workersRecoveringWages] == 1)
            #expect(figures[.humanInputHours] == 0 && figures[.trainingParticipants] == 0)
        }
    }
}
