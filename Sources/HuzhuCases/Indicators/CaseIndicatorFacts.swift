import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// Cases' part of the indicators: cases accepted (opened), mediation agreements (effective), the amount
/// recovered and who received it (payments net of their reversals, credited to the office of whoever
/// recorded the payment; a reversal counts on its payment's day and office), and the workers the cases
/// opened served.
struct CaseIndicatorFacts: IndicatorFactSource {
    func contribute(_ period: IndicatorPeriod, scope: Scope, to facts: inout IndicatorFacts, on db: any SQLDatabase) async throws {
        let (from, to) = (period.from, period.to)
        facts.figures[.casesAccepted] += try await db.raw("""
            SELECT COUNT(*) AS n FROM cases c WHERE c.opened_on >= \(bind: from) AND c.opened_on < \(bind: to)
            \(scope.sqlCondition("c"))
            """).first()?.number("n") ?? 0
        facts.figures[.mediationAgreements] += try await db.raw("""
            SELECT COUNT(*) AS n FROM mediation_agreements a JOIN cases c ON c.id = a.case_id
            WHERE a.effective_on >= \(bind: from) AND a.effective_on < \(bind: to) \(scope.sqlCondition("c"))
            """).first()?.number("n") ?? 0

        let paymentScope: SQLQueryString = switch scope {
        case .network: ""
        case .ngo(let ngo): "AND p.ngo_id = \(bind: ngo)"
        case .office(_, let office): "AND COALESCE(o.recorded_by, p.recorded_by) IN (SELECT u.id FROM users u WHERE u.office_id = \(bind: office))"
        }
        let payments: SQLQueryString = """
            FROM payments p LEFT JOIN payments o ON o.id = p.reverses_id
            WHERE p.paid_on >= \(bind: from) AND p.paid_on < \(bind: to) \(paymentScope)
            """
        facts.figures[.amountRecoveredFen] += try await db.raw("SELECT CAST(SUM(p.amount_fen) AS BIGINT) AS n \(payments)").first()?
            .number("n") ?? 0
        facts.recovering.append("SELECT p.worker_id \(payments) GROUP BY p.worker_id HAVING SUM(p.amount_fen) > 0")
        facts.served.append("""
            SELECT cw.worker_id FROM case_workers cw JOIN cases c ON c.id = cw.case_id
            WHERE c.opened_on >= \(bind: from) AND c.opened_on < \(bind: to) \(scope.sqlCondition("c"))
            """)
    }
}
