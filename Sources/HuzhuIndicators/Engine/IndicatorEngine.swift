import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// The one implementation of the ten definitions of indicators.md, as set-based SQL that runs the same
/// on SQLite and PostgreSQL. Workers are counted once: by record within an NGO (merged duplicates point
/// at their survivor), and across NGOs by the network-wide keyed hash of their phone (else their ID
/// number). Recovered wages are credited to the office of whoever recorded the payment.
struct IndicatorEngine {
    let db: any Database

    func compute(_ period: IndicatorPeriod, scope: Scope) async throws -> IndicatorFigures {
        let sql = db.sql
        let from = ShanghaiTime.instant(localMinute: "\(period.from)T00:00")!
        let to = ShanghaiTime.instant(localMinute: "\(period.to)T00:00")!
        let (fromDay, toDay) = (period.from.description, period.to.description)
        var figures = IndicatorFigures()

        let contacts = try await sql.raw("""
            SELECT SUM(CASE WHEN channel = 'hotline' AND direction = 'inbound' THEN 1 ELSE 0 END) AS calls,
                   SUM(CASE WHEN channel IN ('visit', 'outreach') THEN 1 ELSE 0 END) AS visits,
                   SUM(CASE WHEN channel IN ('qq', 'wechat', 'web_form', 'sms') THEN 1 ELSE 0 END) AS online,
                   SUM(CASE WHEN worker_id IS NULL THEN 1 ELSE 0 END) AS anonymous
            FROM contacts c WHERE c.started_at >= \(bind: from) AND c.started_at < \(bind: to) \(Self.clause(scope, "c"))
            """).first()
        figures[.hotlineCalls] = try Self.number(contacts, "calls")
        figures[.visits] = try Self.number(contacts, "visits")
        figures[.onlineConsultations] = try Self.number(contacts, "online")

        figures[.casesAccepted] = try Self.number(try await sql.raw("""
            SELECT COUNT(*) AS n FROM cases c WHERE c.opened_on >= \(bind: fromDay) AND c.opened_on < \(bind: toDay)
            \(Self.clause(scope, "c"))
            """).first(), "n")
        figures[.mediationAgreements] = try Self.number(try await sql.raw("""
            SELECT COUNT(*) AS n FROM mediation_agreements a JOIN cases c ON c.id = a.case_id
            WHERE a.effective_on >= \(bind: fromDay) AND a.effective_on < \(bind: toDay) \(Self.clause(scope, "c"))
            """).first(), "n")

        let paymentScope: SQLQueryString = switch scope {
        case .network: ""
        case .ngo(let ngo): "AND p.ngo_id = \(bind: ngo)"
        case .office(_, let office): "AND p.recorded_by IN (SELECT u.id FROM users u WHERE u.office_id = \(bind: office))"
        }
        let payments: SQLQueryString = """
            FROM payments p WHERE p.paid_on >= \(bind: fromDay) AND p.paid_on < \(bind: toDay) \(paymentScope)
            """
        figures[.amountRecoveredFen] = try Self.number(try await sql.raw("SELECT CAST(SUM(p.amount_fen) AS BIGINT) AS n \(payments)").first(), "n")
        figures[.workersRecoveringWages] = try await distinctWorkers("SELECT p.worker_id \(payments)", scope: scope)

        let subjects: SQLQueryString = """
            SELECT c.worker_id FROM contacts c WHERE c.worker_id IS NOT NULL AND c.started_at >= \(bind: from)
              AND c.started_at < \(bind: to) \(Self.clause(scope, "c"))
            UNION SELECT cw.worker_id FROM case_workers cw JOIN cases c ON c.id = cw.case_id
            WHERE c.opened_on >= \(bind: fromDay) AND c.opened_on < \(bind: toDay) \(Self.clause(scope, "c"))
            """
        figures[.directBeneficiaries] = try await distinctWorkers(subjects, scope: scope) + (try Self.number(contacts, "anonymous"))
        // No shifts, hour logs or trainings are recorded yet: these stay zero until those records exist.
        figures[.humanInputHours] = 0
        figures[.trainingParticipants] = 0
        return figures
    }

    /// Distinct workers among the ids `subquery` selects: by record within an NGO; across the network by
    /// the keyed hash of their phone (else ID number), workers with neither counted by record.
    private func distinctWorkers(_ subquery: SQLQueryString, scope: Scope) async throws -> Int64 {
        guard case .network = scope else {
            return try Self.number(try await db.sql.raw("SELECT COUNT(*) AS n FROM workers w WHERE w.id IN (\(subquery))").first(), "n")
        }
        let key: SQLQueryString = "COALESCE((SELECT MIN(ph.network_hash) FROM worker_phones ph WHERE ph.worker_id = w.id), w.id_network_hash)"
        let row = try await db.sql.raw("""
            SELECT COUNT(DISTINCT \(key)) AS keyed, SUM(CASE WHEN \(key) IS NULL THEN 1 ELSE 0 END) AS unkeyed
            FROM workers w WHERE w.id IN (\(subquery))
            """).first()
        return try Self.number(row, "keyed") + Self.number(row, "unkeyed")
    }

    private static func clause(_ scope: Scope, _ table: String) -> SQLQueryString {
        switch scope {
        case .network: ""
        case .ngo(let ngo): "AND \(ident: table).ngo_id = \(bind: ngo)"
        // The NGO too, though the office implies it: the indexes on (ngo_id, office_id, …) then serve.
        case .office(let ngo, let office): "AND \(ident: table).ngo_id = \(bind: ngo) AND \(ident: table).office_id = \(bind: office)"
        }
    }

    /// A count or sum of a result row; an empty set's NULL is zero.
    private static func number(_ row: (any SQLRow)?, _ column: String) throws -> Int64 {
        try row?.decodeNil(column: column) == false ? try row!.decode(column: column, as: Int64.self) : 0
    }
}
