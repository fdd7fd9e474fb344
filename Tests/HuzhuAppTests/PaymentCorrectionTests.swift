import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
@testable import HuzhuIndicators
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor

/// A mistyped payment must not go silently into the ledger or the published figures: an amount beyond
/// what a claim still owes waits for a confirmation, and a payment is voided or corrected by a reversing
/// entry with a reason, never deleted.
@Suite("Payments: confirmation of excess, reversal and correction")
struct PaymentCorrectionTests {
    @Test("A payment beyond what the claim still owes is refused until confirmed; nothing is saved meanwhile")
    func excessNeedsConfirmation() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let opened = try await browser.openCase(roster: "甲 13800000001")
            let path = "/cases/\(opened.id!)"
            let worker = try await app.caseWorkers(of: opened)[0]
            _ = try await browser.post("\(path)/claims", ["worker": worker.uuidString, "head": "unpaid_wages", "claimed": "5000"])
            let claim = try await app.claims(of: opened)[0]
            let payment = ["claim": claim.id!.uuidString, "amount": "50000", "paid_on": "2026-01-15", "payer": "某劳务公司",
                           "method": "bank_transfer"]
            let refused = try await browser.post("\(path)/payments", payment)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("超过此项诉求尚欠的金额") && refused.text.contains("name=\"confirm_excess\""))
            #expect(try await Payment.query(on: app.db).count() == 0)
            // Within what is owed, no question is asked.
            #expect(try await browser.post("\(path)/payments", payment.merging(["amount": "3000"]) { $1 }).status == .seeOther)
            // 2,000 remain: 2,000.01 asks again; confirmed, it is saved.
            #expect(try await browser.post("\(path)/payments", payment.merging(["amount": "2000.01"]) { $1 }).status == .unprocessableEntity)
            #expect(try await browser.post("\(path)/payments", payment.merging(["amount": "2000.01", "confirm_excess": "on"]) { $1 })
                .status == .seeOther)
            #expect(try await Payment.query(on: app.db).all().map(\.amountFen).sorted() == [200_001, 300_000])

            let headers = try await browser.apiHeaders()
            let api = try await app.testing().sendRequest(.POST, "/api/v1\(path)/payments", headers: headers) { request in
                try request.content.encode(["claim": claim.id!.uuidString, "amount": "10", "paid_on": "2026-01-16",
                                            "payer": "某劳务公司", "method": "cash"])
            }
            #expect(api.status == .unprocessableEntity && api.body.string.contains("payment_exceeds_outstanding"))
        }
    }

    @Test("Voiding and correcting add reversing entries with a reason; the ledger nets them and shows both")
    func reversal() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let opened = try await browser.openCase(roster: "甲 13800000001\n乙 13800000002")
            let path = "/cases/\(opened.id!)"
            let workers = try await app.caseWorkers(of: opened)
            for worker in workers {
                _ = try await browser.post("\(path)/claims", ["worker": worker.uuidString, "head": "unpaid_wages", "claimed": "9000"])
            }
            let claims = try await app.claims(of: opened)
            for claim in claims {
                #expect(try await browser.post("\(path)/payments", ["claim": claim.id!.uuidString, "amount": "5000", "paid_on": "2026-01-15",
                                                                    "payer": "某劳务公司", "method": "bank_transfer"]).status == .seeOther)
            }
            let paid = try await Payment.query(on: app.db).sort(\.$recordedAt).all()
            let missingReason = try await browser.post("\(path)/reversals", ["payment": paid[0].id!.uuidString, "reversal_reason": " "])
            #expect(missingReason.status == .unprocessableEntity && missingReason.text.contains("error"))
            let before = try await app.auditActions().count
            #expect(try await browser.post("\(path)/reversals", ["payment": paid[0].id!.uuidString, "reversal_reason": "重复录入：甲的款项录了两次"])
                .status == .seeOther)
            #expect(try await app.auditActions().dropFirst(before) == ["casework.payment.reverse"])
            let twice = try await browser.post("\(path)/reversals", ["payment": paid[0].id!.uuidString, "reversal_reason": "again"])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("该笔款项已冲正"))
            let reversal = try #require(try await Payment.query(on: app.db).filter(\.$reversesID == paid[0].id!).first())
            #expect(reversal.amountFen == -500_000 && reversal.paidOn == paid[0].paidOn && reversal.workerID == paid[0].workerID)
            #expect(!String(decoding: reversal.reasonCipher ?? Data(), as: UTF8.self).contains("重复录入"))
            let ofReversal = try await browser.post("\(path)/reversals", ["payment": reversal.id!.uuidString, "reversal_reason": "x"])
            #expect(ofReversal.status == .unprocessableEntity)

            // The second payment was really 4,500: corrected, it is reversed and 4,500 recorded.
            #expect(try await browser.post("\(path)/reversals", ["payment": paid[1].id!.uuidString, "reversal_reason": "金额录错",
                                                                  "corrected_amount": "4500"]).status == .seeOther)
            let all = try await Payment.query(on: app.db).all()
            #expect(all.count == 5 && all.reduce(0) { $0 + $1.amountFen } == 450_000)
            let page = try await browser.get(path).text
            #expect(page.contains("冲正：重复录入：甲的款项录了两次") && page.contains("已冲正") && page.contains("-¥5,000.00"))
            #expect(page.contains("¥4,500.00"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1\(path)", headers: try await browser.apiHeaders())
            let detail = try api.content.decode(CaseResource.Detail.self)
            #expect(detail.totals.paid_fen == 450_000 && detail.payments.count == 5)
            #expect(detail.payments.first { $0.reverses_id == paid[1].id }?.reversal_reason == "金额录错")
        }
    }

    @Test("Indicators count the net amount, credit a reversal to its payment's office, and flag the published period")
    func indicatorsNetAndDiscrepancy() async throws {
        try await withHuzhu { app, browser in
            let network = try await IndicatorNetwork.build(app)
            try await browser.login("admin")
            let form = ["scope": "network", "period_kind": "month", "period_from": "2026-10-01"]
            #expect(try await browser.post("/indicators/publish", form).status == .seeOther)
            let engine = IndicatorEngine(db: app.db, sources: app.indicatorSources)
            let october = IndicatorPeriod.month(2026, 10)
            let bjBefore = try await engine.compute(october, scope: .office(ngo: network.ngoA, office: network.bj.id!))

            // The Shenzhen case's payment was recorded in Beijing; a Shenzhen caseworker voids it.
            let shenzhen = try await app.work(as: "sz.caseworker")
            let found = try #require(try await Case.query(on: app.db).filter(\.$officeID == network.sz.id!).first())
            let payment = try #require(try await Payment.query(on: app.db).filter(\.$caseID == found.id!).first())
            try await Cases.reverse(ReversePayment(paymentID: payment.id, reason: "银行退回"), on: found, in: shenzhen)

            let now = try await engine.compute(october, scope: .network)
            #expect(now[.amountRecoveredFen] == 50_000 && now[.workersRecoveringWages] == 1)
            let bj = try await engine.compute(october, scope: .office(ngo: network.ngoA, office: network.bj.id!))
            let sz = try await engine.compute(october, scope: .office(ngo: network.ngoA, office: network.sz.id!))
            #expect(bjBefore[.amountRecoveredFen] == 100_000 && bj[.amountRecoveredFen] == 0 && sz[.amountRecoveredFen] == 0)
            let flagged = try await Discrepancies.find(in: [.network], today: CalendarDate(iso: "2026-12-02")!, engine: engine)
            #expect(flagged.count == 1)
            #expect(flagged.first?.differences.contains { $0.0 == .amountRecoveredFen && $0.1 == 150_000 && $0.2 == 50_000 } == true)
        }
    }
}
