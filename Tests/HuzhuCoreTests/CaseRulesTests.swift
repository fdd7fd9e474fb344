import Foundation
import HuzhuCore
import Testing

@Suite("Credit codes, the case pipeline and the recovery ledger")
struct CaseRulesTests {
    @Test("A unified social credit code is checked by its check character (GB 32100)")
    func creditCode() throws {
        #expect(try CreditCode("91350100M000100Y43").value == "91350100M000100Y43")
        #expect(try CreditCode(" 91350100m000100y43 ").value == "91350100M000100Y43")
        #expect(throws: FieldError("credit_code", "error.credit_code_check")) { try CreditCode("91350100M000100Y44") }
        #expect(throws: FieldError("credit_code", "error.credit_code_format")) { try CreditCode("91350100M000100Y4") }
        #expect(throws: FieldError("credit_code", "error.credit_code_format")) { try CreditCode("91350100M000100I43") }
        let completed = try #require(CreditCode.completing("91110105MA01ABCD2"))
        #expect(try CreditCode(completed).value == completed)
    }

    @Test("Cases move forward freely, back only to negotiation or mediation, and reopen after advice")
    func moves() {
        #expect(CaseStatus.intake.mayMove(to: .arbitration))
        #expect(CaseStatus.arbitration.mayMove(to: .mediation))
        #expect(CaseStatus.litigation.mayMove(to: .negotiation))
        #expect(!CaseStatus.litigation.mayMove(to: .arbitration))
        #expect(!CaseStatus.mediation.mayMove(to: .advice))
        #expect(!CaseStatus.negotiation.mayMove(to: .intake))
        #expect(CaseStatus.closed.moves == [.negotiation, .mediation, .arbitration, .litigation, .enforcement])
        #expect(CaseStatus.open.allSatisfy { $0.mayMove(to: .closed) })
    }

    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    func check(_ from: CaseStatus, _ to: CaseStatus?, on: CalendarDate? = today, reason: String = "对方同意协商",
               code: ClosingCode? = nil, approval: Bool = false, approver: Bool = false) throws(ValidationErrors) -> StatusMove.Outcome {
        try StatusMove.check(from: from, to: to, on: on, today: Self.today, reason: reason, closingCode: code,
                             approvalRequired: approval, mayApprove: approver).1
    }

    @Test("A move needs a reason and a date not in the future; a closing needs a code and, where required, approval")
    func closing() throws {
        #expect(try check(.negotiation, .mediation) == .done)
        #expect(throws: ValidationErrors([FieldError("status", "error.status_move_not_allowed")])) {
            try check(.litigation, .arbitration)
        }
        #expect(throws: ValidationErrors([FieldError("reason", "error.required")])) { try check(.intake, .advice, reason: " ") }
        #expect(throws: ValidationErrors([FieldError("moved_on", "error.date_in_future")])) {
            try check(.intake, .advice, on: Self.today.adding(days: 1))
        }
        #expect(throws: ValidationErrors([FieldError("closing_code", "error.closing_code_required")])) { try check(.mediation, .closed) }
        #expect(throws: ValidationErrors([FieldError("closing_code", "error.closing_code_only_when_closing")])) {
            try check(.mediation, .arbitration, code: .withdrawn)
        }
        #expect(try check(.mediation, .closed, code: .resolvedInFull) == .done)
        #expect(try check(.mediation, .closed, code: .resolvedInFull, approval: true) == .awaitingApproval)
        #expect(try check(.mediation, .closed, code: .resolvedInFull, approval: true, approver: true) == .done)
    }

    @Test("Ledger totals are derived per worker, per head and per case; overpayment is flagged")
    func ledger() {
        let (a, b) = (UUID(), UUID())
        let claims = [
            Ledger.Claim(id: UUID(), workerID: a, head: .unpaidWages, claimed: Money(fen: 2_800_000), agreed: Money(fen: 2_500_000)),
            Ledger.Claim(id: UUID(), workerID: a, head: .doubleWages, claimed: Money(fen: 600_000), agreed: nil),
            Ledger.Claim(id: UUID(), workerID: b, head: .unpaidWages, claimed: Money(fen: 1_000_000), agreed: Money(fen: 800_000)),
        ]
        let payments = [
            Ledger.Payment(claimID: claims[0].id, amount: Money(fen: 1_000_000)),
            Ledger.Payment(claimID: claims[0].id, amount: Money(fen: 500_000)),
            Ledger.Payment(claimID: claims[2].id, amount: Money(fen: 900_000)),
        ]
        let ledger = Ledger(claims: claims, payments: payments)
        let ofA = ledger.total(of: a)
        #expect([ofA.claimed, ofA.agreed, ofA.paid] == [Money(fen: 3_400_000), Money(fen: 2_500_000), Money(fen: 1_500_000)])
        #expect(ledger.total(of: a).outstanding == Money(fen: 1_000_000))
        #expect(ledger.total(of: a).unconfirmed == 1)
        #expect(ledger.total(of: b).outstanding == Money(fen: 0))
        #expect(ledger.total(of: .unpaidWages).paid == Money(fen: 2_400_000))
        let total = ledger.total
        #expect([total.claimed, total.agreed, total.paid] == [Money(fen: 4_400_000), Money(fen: 3_300_000), Money(fen: 2_400_000)])
        #expect(total.outstanding == Money(fen: 1_000_000) && total.overpaid == Money(fen: 100_000))
        #expect(ledger.lines.map(\.overpaid) == [false, false, true])
        #expect(ledger.hasOverpayment)
    }

    @Test("A case's outstanding is the sum of each claim's: one worker's overpayment never hides another's debt")
    func outstandingPerLine() {
        let (a, b) = (UUID(), UUID())
        let claims = [
            Ledger.Claim(id: UUID(), workerID: a, head: .unpaidWages, claimed: Money(fen: 100_000), agreed: Money(fen: 100_000)),
            Ledger.Claim(id: UUID(), workerID: b, head: .unpaidWages, claimed: Money(fen: 100_000), agreed: Money(fen: 100_000)),
            Ledger.Claim(id: UUID(), workerID: b, head: .overtime, claimed: Money(fen: 50_000), agreed: nil),
        ]
        let ledger = Ledger(claims: claims, payments: [Ledger.Payment(claimID: claims[0].id, amount: Money(fen: 150_000))])
        #expect(ledger.total.outstanding == Money(fen: 100_000))
        #expect(ledger.total.overpaid == Money(fen: 50_000))
        #expect(ledger.total.unconfirmed == 1)
        #expect(ledger.total(of: b).outstanding == Money(fen: 100_000) && ledger.total(of: a).overpaid == Money(fen: 50_000))
        #expect(ledger.lines[2].totals.unconfirmed == 1 && ledger.lines[2].totals.outstanding == Money(fen: 0))
    }

    @Test("Amounts are typed in yuan and kept in fen")
    func yuan() throws {
        #expect(try Money(yuan: "2,800.5", field: "amount").fen == 280_050)
        #expect(try Money(yuan: "¥800元", field: "amount").fen == 80_000)
        #expect(Money(fen: 280_050).plain == "2800.50")
        for bad in ["abc", "1.234", "-5", "1e5", "1.2.3"] {
            #expect(throws: FieldError("amount", "error.money_format")) { try Money(yuan: bad, field: "amount") }
        }
        #expect(throws: FieldError("amount", "error.money_positive")) { try Money(yuan: "0", field: "amount") }
    }
}
