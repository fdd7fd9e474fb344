import Foundation
import HuzhuCore
@testable import HuzhuCases
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
