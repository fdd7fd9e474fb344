import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// Intake's part of the indicators: hotline calls (inbound), visits (visits and outreach), online
/// consultations (QQ, WeChat, web form, SMS), and the workers the contacts served (anonymous callers
/// counted one each).
struct ContactIndicatorFacts: IndicatorFactSource {
    func contribute(_ period: IndicatorPeriod, scope: Scope, to facts: inout IndicatorFacts, on db: any SQLDatabase) async throws {
        let (from, to) = period.instants
        let row = try await db.raw("""
            SELECT SUM(CASE WHEN channel = 'hotline' AND direction = 'inbound' THEN 1 ELSE 0 END) AS calls,
                   SUM(CASE WHEN channel IN ('visit', 'outreach') THEN 1 ELSE 0 END) AS visits,
                   SUM(CASE WHEN channel IN ('qq', 'wechat', 'web_form', 'sms') THEN 1 ELSE 0 END) AS online,
                   SUM(CASE WHEN worker_id IS NULL THEN 1 ELSE 0 END) AS anonymous
            FROM contacts c WHERE c.started_at >= \(bind: from) AND c.started_at < \(bind: to) \(scope.sqlCondition("c"))
            """).first()
        facts.figures[.hotlineCalls] += try row?.number("calls") ?? 0
        facts.figures[.visits] += try row?.number("visits") ?? 0
        facts.figures[.onlineConsultations] += try row?.number("online") ?? 0
        facts.anonymousServed += try row?.number("anonymous") ?? 0
        facts.served.append("""
            SELECT c.worker_id FROM contacts c WHERE c.worker_id IS NOT NULL AND c.started_at >= \(bind: from)
              AND c.started_at < \(bind: to) \(scope.sqlCondition("c"))
            """)
    }
}

/// Distinct workers by the rule of indicators.md: by record within an NGO (merged duplicates point at
/// their survivor); across NGOs by the network-wide keyed hash of their phone, else their ID number, and
/// workers with neither by record.
struct WorkerCount: WorkerCounter {
    func distinct(_ ids: SQLQueryString, scope: Scope, on db: any SQLDatabase) async throws -> Int64 {
        guard case .network = scope else {
            return try await db.raw("SELECT COUNT(*) AS n FROM workers w WHERE w.id IN (\(ids))").first()?.number("n") ?? 0
        }
        let key: SQLQueryString = "COALESCE((SELECT MIN(ph.network_hash) FROM worker_phones ph WHERE ph.worker_id = w.id), w.id_network_hash)"
        let row = try await db.raw("""
            SELECT COUNT(DISTINCT \(key)) AS keyed, SUM(CASE WHEN \(key) IS NULL THEN 1 ELSE 0 END) AS unkeyed
            FROM workers w WHERE w.id IN (\(ids))
            """).first()
        return try (row?.number("keyed") ?? 0) + (row?.number("unkeyed") ?? 0)
    }
}
