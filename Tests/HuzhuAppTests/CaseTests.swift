import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
@testable import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Cases: opening, the pipeline, closing and the ledger")
struct CaseTests {
    @Test("A case opened from a contact carries its worker and topics; the roster adds the crew")
    func openFromContact() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            try await browser.recordContact(phone: "13800138000", newWorker: "张建国")
            let contact = try #require(try await app.contacts().last)
            let form = try await browser.get("/cases/new?contact=\(contact.id!)")
            #expect(form.status == .ok && form.text.contains(contact.number))
            let opened = try await browser.openCase(roster: "李四 13900139000\n王五 13700137000\n张建国 13800138000",
                                                    extra: [("contact", contact.id!.uuidString)])
            #expect(opened.number.hasPrefix("BJ-") && opened.number.hasSuffix("-00001"))
            #expect(opened.contactID == contact.id)
            #expect(try await app.caseWorkers(of: opened).count == 3)
            let page = try await browser.get("/cases/\(opened.id!)")
            #expect(page.status == .ok)
            #expect(page.text.contains("张建国") && page.text.contains("李四") && page.text.contains(contact.number))
            #expect(try await app.auditActions().contains("casework.case.view"))
            #expect(try await browser.get("/workers/\(contact.workerID!)").text.contains(opened.number))
            // The next call from that number shows the case beside the worker.
            #expect(try await browser.get("/intake?phone=13800138000").text.contains(opened.number))
        }
    }

    @Test("Bad input is refused with its reason and writes nothing")
    func refused() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let response = try await browser.post("/cases/new", pairs: [("title", ""), ("employment_start", "2026-05-01"),
                                                                        ("employment_end", "2026-01-01"), ("roster", "张三 123")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("结束日期早于开始日期") && response.text.contains("请至少选择一项"))
            #expect(try await Case.query(on: app.db).count() == 0)
        }
    }

    @Test("Closing needs a code, and a supervisor's approval where the office asks for it")
    func closingApproval() async throws {
        try await withHuzhu { app, browser in
            let supervisor = browser.fresh()
            try await supervisor.login("supervisor")
            let office = try await app.office("BJ")
            #expect(try await supervisor.post("/admin/case-settings", ["approval_offices[]": office.id!.uuidString]).status == .seeOther)
            try await browser.login("caseworker")
            let opened = try await browser.openCase()
            let path = "/cases/\(opened.id!)"
            let noCode = try await browser.post("\(path)/status", ["status": "closed", "moved_on": "2026-01-05", "reason": "已解决"])
            #expect(noCode.status == .unprocessableEntity && noCode.text.contains("结案必须选择结案原因"))
            #expect(noCode.text.contains(">已解决</textarea>"))  // what was typed comes back
            let back = try await browser.post("\(path)/status", ["status": "intake", "moved_on": "2026-01-05", "reason": "x"])
            #expect(back.status == .unprocessableEntity)
            #expect(try await browser.post("\(path)/status", ["status": "negotiation", "moved_on": "2026-01-05",
                                                              "reason": "老板愿意谈"]).status == .seeOther)
            #expect(try await browser.post("\(path)/status", ["status": "closed", "moved_on": "2026-01-06", "reason": "全部到账",
                                                              "closing_code": "resolved_in_full"]).status == .seeOther)
            var found = try #require(try await Case.find(opened.id, on: app.db))
            #expect(found.status == .negotiation && found.pendingClosingCode == .resolvedInFull)
            #expect(try await browser.post("\(path)/approval", ["decision": "approve"]).status == .forbidden)
            #expect(try await supervisor.post("\(path)/approval", ["decision": "reject"]).status == .unprocessableEntity)
            #expect(try await supervisor.post("\(path)/approval", ["decision": "approve"]).status == .seeOther)
            found = try #require(try await Case.find(opened.id, on: app.db))
            #expect(found.status == .closed && found.closingCode == .resolvedInFull && found.pendingClosingCode == nil)
            let events = try await CaseEvent.query(on: app.db).filter(\.$caseID == opened.id!).all().map(\.kind)
            #expect(events.contains(.closingRequested) && events.filter { $0 == .status }.count == 2)
        }
    }

    @Test("Ledger totals across several workers and heads come from recorded payments")
    func ledgerTotals() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let opened = try await browser.openCase(roster: "甲 13800000001\n乙 13800000002")
            let path = "/cases/\(opened.id!)"
            let workers = try await app.caseWorkers(of: opened)
            for (worker, head, amount) in [(workers[0], "unpaid_wages", "10000"), (workers[0], "double_wages", "3000.50"),
                                           (workers[1], "unpaid_wages", "8000")] {
                #expect(try await browser.post("\(path)/claims", ["worker": worker.uuidString, "head": head, "claimed": amount])
                    .status == .seeOther)
            }
            let claims = try await app.claims(of: opened)
            #expect(try await browser.post("\(path)/agreements", ["agreed_claim": claims[2].id!.uuidString, "agreed": "7000",
                                                                  "source": "mediation", "agreed_on": "2026-01-10"]).status == .seeOther)
            for (claim, amount) in [(claims[0], "4000"), (claims[1], "1000"), (claims[2], "7500")] {
                #expect(try await browser.post("\(path)/payments", ["claim": claim.id!.uuidString, "amount": amount,
                                                                    "paid_on": "2026-01-15", "payer": "某劳务公司",
                                                                    "method": "bank_transfer", "confirm_excess": "on"]).status == .seeOther)
            }
            let bad = try await browser.post("\(path)/payments", ["claim": claims[0].id!.uuidString, "amount": "-3",
                                                                  "paid_on": "2099-01-01", "payer": "", "method": "gold"])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await Payment.query(on: app.db).count() == 3)
            let page = try await browser.get(path).text
            #expect(page.contains("¥13,000.50") && page.contains("¥5,000.00"))   // the first worker: claimed, paid
            #expect(page.contains("¥21,000.50") && page.contains("¥12,500.00"))  // the case: claimed, paid
            #expect(page.contains("有款项超过确认金额"))
            _ = try await browser.post("\(path)/notes", ["note_kind": "call", "text": "给老板打了电话"])
            let ledgerOnly = try await browser.get("\(path)?timeline=ledger").text
            #expect(ledgerOnly.contains("event payment") && !ledgerOnly.contains("给老板打了电话"))
            #expect(try await browser.get("\(path)?timeline=notes").text.contains("给老板打了电话"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/cases/\(opened.id!)", headers: try await browser.apiHeaders())
            let detail = try api.content.decode(CaseResource.Detail.self)
            #expect(detail.totals.claimed_fen == 2_100_050 && detail.totals.paid_fen == 1_250_000)
            #expect(detail.claims.map(\.overpaid) == [false, false, true])
        }
    }

    @Test("One worker overpaid and another unpaid: the case's outstanding is still the other's debt; unconfirmed says so")
    func overpaymentDoesNotHideDebt() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let opened = try await browser.openCase(roster: "甲 13800000001\n乙 13800000002")
            let path = "/cases/\(opened.id!)"
            let workers = try await app.caseWorkers(of: opened)
            for (worker, head) in [(workers[0], "unpaid_wages"), (workers[1], "unpaid_wages"), (workers[1], "overtime")] {
                _ = try await browser.post("\(path)/claims", ["worker": worker.uuidString, "head": head, "claimed": "1000"])
            }
            let claims = try await app.claims(of: opened)
            for claim in claims.prefix(2) {
                _ = try await browser.post("\(path)/agreements", ["agreed_claim": claim.id!.uuidString, "agreed": "1000",
                                                                  "source": "settlement", "agreed_on": "2026-01-10"])
            }
            _ = try await browser.post("\(path)/payments", ["claim": claims[0].id!.uuidString, "amount": "1500", "paid_on": "2026-01-15",
                                                            "payer": "某劳务公司", "method": "bank_transfer", "confirm_excess": "on"])
            let page = try await browser.get(path).text
            #expect(page.contains("¥1,000.00，另有未确认 · 多付 ¥500.00"))   // the case total
            #expect(page.contains("未确认"))                                   // the overtime claim's line
            let api = try await app.testing().sendRequest(.GET, "/api/v1/cases/\(opened.id!)", headers: try await browser.apiHeaders())
            let detail = try api.content.decode(CaseResource.Detail.self)
            #expect(detail.totals.outstanding_fen == 100_000 && detail.totals.overpaid_fen == 50_000 && detail.totals.unconfirmed_claims == 1)
        }
    }

    @Test("A case's page and documents, in both languages, hold no unfilled {0} placeholder")
    func noPlaceholders() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("caseworker")
            let found = try await browser.openCase(roster: "甲 13800000001\n乙 13800000002")
            let placeholder = try Regex(#"\{\d\}"#)
            for language in ["zh-Hans", "en"] {
                #expect(try await browser.post("/language", ["lang": language, "back": "/"]).status == .seeOther)
                let paths = ["/cases/\(found.id!)"] + CaseDocuments.Kind.allCases.filter { $0 != .mediationAgreement }
                    .map { "/cases/\(found.id!)/documents/\($0.rawValue)" }
                for path in paths {
                    let page = try await browser.get(path)
                    #expect(page.status == .ok, "\(path)")
                    #expect(page.text.firstMatch(of: placeholder) == nil, "\(language) \(path)")
                }
            }
        }
    }

    @Test("The case lists filter by status, type, assignee, employer, date and search")
    func listFilters() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let wages = try await browser.openCase(title: "欠薪案", roster: "赵六 13600136000", respondent: "甲建筑公司")
            let injury = try await browser.post("/cases/new", pairs: [("title", "工伤案"), ("dispute_types[]", "work_injury"),
                                                                     ("next_action_on", "2020-01-01")])
            #expect(injury.status == .seeOther)
            _ = try await browser.post("/cases/\(wages.id!)/status", ["status": "mediation", "moved_on": "2026-01-05", "reason": "调解"])
            func list(_ query: String) async throws -> String { try await browser.get("/cases?\(query)").text }
            #expect(try await list("status=mediation").contains("欠薪案"))
            #expect(!(try await list("status=mediation").contains("工伤案")))
            #expect(try await list("type=work_injury").contains("工伤案"))
            #expect(!(try await list("type=work_injury").contains("欠薪案")))
            #expect(try await list("view=overdue").contains("工伤案"))
            #expect(!(try await list("view=overdue").contains("欠薪案")))
            #expect(try await list("q=13600136000").contains("欠薪案"))
            #expect(try await list("q=赵六").contains("欠薪案"))
            #expect(try await list("q=甲建筑").contains("欠薪案"))
            #expect(try await list("q=\(wages.number)").contains("欠薪案"))
            // Titles are sealed and found by part, by a character or by pairs, through their keyed grams.
            let byCharacter = try await list("q=伤"), byPair = try await list("q=欠薪")
            #expect(byCharacter.contains("工伤案") && !byCharacter.contains("欠薪案"))
            #expect(byPair.contains("欠薪案") && !byPair.contains("工伤案"))
            let employer = try #require(try await Employer.query(on: app.db).filter(\.$name == "甲建筑公司").first())
            #expect(!(try await list("employer=\(employer.id!)").contains("工伤案")))
            let caseworker = try await app.user("caseworker").requireID()
            #expect(try await list("assignee=\(caseworker)").contains("工伤案"))
            #expect(!(try await list("view=mine&from=2099-01-01").contains("欠薪案")))
            let supervisor = browser.fresh()
            try await supervisor.login("supervisor")
            #expect(try await supervisor.get("/cases?view=mine").text.contains("没有符合条件的个案"))
            #expect(try await supervisor.get("/cases").text.contains("欠薪案"))
            let other = browser.fresh()
            try await other.login("cd.caseworker")
            #expect(!(try await other.get("/cases").text.contains("欠薪案")))
            #expect(try await other.get("/cases/\(wages.id!)").status == .notFound)
        }
    }
}
