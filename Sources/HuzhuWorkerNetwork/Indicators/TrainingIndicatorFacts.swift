import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// The worker network's part of the indicators: training participants, the attendances (person-times) at
/// trainings held in the period, and the workers who attended, counted once with those contacts and
/// cases served.
struct TrainingIndicatorFacts: IndicatorFactSource {
    func contribute(_ period: IndicatorPeriod, scope: Scope, to facts: inout IndicatorFacts, on db: any SQLDatabase) async throws {
        let (from, to) = period.instants
        let attended: SQLQueryString = """
            FROM training_registrations r JOIN trainings t ON t.id = r.training_id WHERE r.attended_at IS NOT NULL
              AND t.starts_at >= \(bind: from) AND t.starts_at < \(bind: to) \(scope.sqlCondition("r"))
            """
        facts.figures[.trainingParticipants] += try await db.raw("SELECT COUNT(*) AS n \(attended)").first()?.number("n") ?? 0
        facts.served.append("SELECT r.worker_id \(attended)")
    }
}
