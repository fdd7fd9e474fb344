import Foundation
import HuzhuCore
@testable import HuzhuCases
import HuzhuOrg
import HuzhuPlatform
import Testing

/// Labels looked up by a computed key must exist for every value in both languages.
@Suite("Case labels")
struct CasesCatalogueTests {
    let catalogue = Catalogue.bundled

    func expectKeys(_ keys: [String]) {
        #expect(catalogue.missing(keys) == [])
    }

    @Test("Every status, closing code, dispute type, chain role, claim head, source, method and link has a label")
    func enums() {
        expectKeys(CaseStatus.allCases.map { "status.\($0.rawValue)" })
        expectKeys(ClosingCode.allCases.map { "closing.\($0.rawValue)" })
        expectKeys(DisputeType.allCases.map { "dispute.\($0.rawValue)" })
        expectKeys(ChainRole.allCases.map { "chain_role.\($0.rawValue)" })
        expectKeys(ClaimHead.allCases.map { "claim_head.\($0.rawValue)" })
        expectKeys(AgreementSource.allCases.map { "agreement_source.\($0.rawValue)" })
        expectKeys(Payment.Method.allCases.map { "payment_method.\($0.rawValue)" })
        expectKeys(EmployerLink.Kind.allCases.map { "link_kind.\($0.rawValue)" })
        expectKeys(TrackedDeadline.State.allCases.map { "deadline_state.\($0.rawValue)" })
        expectKeys(["paid", "due", "overdue"].map { "instalment_state.\($0)" })
        expectKeys(MediationSession.Place.allCases.map { "session_place.\($0.rawValue)" })
        expectKeys(MediationSession.Result.allCases.map { "session_result.\($0.rawValue)" })
        expectKeys(LegalEvent.allCases.map { "legal_event.\($0.rawValue)" })
    }

    @Test("Every law, calculator item, working, note, situation and figure has a label")
    func law() {
        expectKeys(Law.allCases.map { "law.\($0.rawValue)" })
        expectKeys(LawNote.allCases.map { "law_note.\($0.rawValue)" })
        expectKeys(Situation.allCases.map { "situation.\($0.rawValue)" })
        expectKeys(Situation.allCases.flatMap(\.fields).map { "field.\($0)" })
        expectKeys(WageParameter.Kind.allCases.map { "parameter_kind.\($0.rawValue)" })
        expectKeys(Deadlines.DoubleWageMode.allCases.map { "double_wage_mode.\($0.rawValue)" })
        let items = ["economic_compensation", "illegal_termination", "notice_month", "double_wages", "overtime_workday",
                     "overtime_rest_day", "overtime_holiday", "disability_subsidy", "death_lump_sum", "funeral_subsidy",
                     "arrears_surcharge", "final_award", "unpaid_wages", "limitation", "mediation_window", "award_due",
                     "award_due_extended", "sue_after_award", "annul_final_award", "judicial_confirmation",
                     "injury_employer_application", "injury_worker_application", "injury_decision",
                     "social_insurance_registration", "written_contract", "double_wages_limitation"]
        expectKeys(items.map { "law_item.\($0)" })
        let formulas = ["compensation", "double_compensation", "notice_month", "double_wages", "double_wages_none", "overtime",
                        "disability_subsidy", "death_lump_sum", "funeral_subsidy", "funeral_subsidy_unavailable", "arrears_surcharge", "final_award",
                        "unpaid_wages", "limitation", "limitation_open", "deadline_after", "double_wages_limitation_a",
                        "double_wages_limitation_b", "double_wages_limitation_c"]
        expectKeys(formulas.map { "formula.\($0)" })
    }

    @Test("Every timeline kind and group, case list, date field and audit action has a label")
    func fields() {
        expectKeys(CaseEvent.Kind.allCases.map { "timeline.\($0.rawValue)" })
        expectKeys(CaseEvent.Kind.groups.map { "timeline_group.\($0)" })
        expectKeys(["mine", "office", "overdue"].map { "cases.view_\($0)" })
        expectKeys(CaseDraft.dateFields.map { "field.\($0)" })
        expectKeys(AuditAction.cases.map { "audit.action.\($0.name)" })
    }
}
