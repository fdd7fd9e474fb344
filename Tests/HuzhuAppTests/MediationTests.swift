import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("People's mediation, deadlines, reminders and documents")
struct MediationTests {
    static let day: TimeInterval = 86_400

    /// A committee with the caseworker as mediator, and a case with two workers' claims (10,000 and 6,000).
    func prepared(_ app: Application, _ browser: Browser) async throws -> (Case, [Claim]) {
        let supervisor = browser.fresh()
        try await supervisor.login("supervisor")
        #expect(try await supervisor.post("/mediation", ["name": "小小鸟人民调解委员会", "authorised_by": "朝阳区司法局"]).status == .seeOther)
        let caseworker = try await app.user("caseworker").requireID()
        #expect(try await supervisor.post("/mediation", ["appoint": caseworker.uuidString, "appointed_on": "2026-01-01"]).status == .seeOther)
        try await browser.login("caseworker")
        let found = try await browser.openCase(roster: "甲 13800000001\n乙 13800000002",
                                               extra: [("knew_on", "2025-12-01"), ("employment_end", "2025-11-30")])
        let workers = try await app.caseWorkers(of: found)
        for (worker, amount) in zip(workers, ["10000", "6000"]) {
            _ = try await browser.post("/cases/\(found.id!)/claims", ["worker": worker.uuidString, "head": "unpaid_wages", "claimed": amount])
        }
        return (found, try await app.claims(of: found))
    }

    func session(_ extra: [(String, String)], mediator: UUID) -> [(String, String)] {
        [("held_on", "2026-11-10"), ("place", "on_site"), ("address", "朝阳区某工地"), ("mediators[]", mediator.uuidString),
         ("parties", "甲 工友\n李某 总包项目经理"), ("discussion", "总包同意分两期支付"), ("result", "agreement")] + extra
    }

    @Test("A session needs its committee's mediators, an address on site, and a date to resume when adjourned")
    func sessions() async throws {
        try await withHuzhu(clock: TestClock()) { app, browser in
            let (found, _) = try await prepared(app, browser)
            let mediator = try await app.user("caseworker").requireID()
            let path = "/cases/\(found.id!)/sessions"
            func fields(_ changes: [String: String]) -> [(String, String)] {
                session([], mediator: mediator).map { ($0.0, changes[$0.0] ?? $0.1) }
            }
            let noAddress = try await browser.post(path, pairs: fields(["address": ""]))
            #expect(noAddress.status == .unprocessableEntity && noAddress.text.contains("现场调解请填写地址"))
            let stranger = try await browser.post(path, pairs: fields(["mediators[]": UUID().uuidString]))
            #expect(stranger.text.contains("请选择本委员会的调解员"))
            let noDate = try await browser.post(path, pairs: fields(["result": "adjourned"]))
            #expect(noDate.status == .unprocessableEntity)
            #expect(try await MediationSession.query(on: app.db).count() == 0)
            #expect(try await browser.post(path, pairs: fields(["result": "adjourned"]) + [("adjourned_to", "2026-11-25")]).status == .seeOther)
            let updated = try #require(try await Case.find(found.id, on: app.db))
            #expect(updated.nextActionOn == CalendarDate(iso: "2026-11-25"))
            let register = try await browser.fresh()
            try await register.login("supervisor")
            let page = try await register.get("/mediation?from=2026-01-01&to=2026-12-31").text
            #expect(page.contains(found.number) && page.contains("延期"))
        }
    }

    @Test("An agreement sets the agreed amounts; its instalments are matched to payments and flagged when overdue")
    func agreementAndInstalments() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            let (found, claims) = try await prepared(app, browser)
            let path = "/cases/\(found.id!)"
            var form: [(String, String)] = [("agreement_parties", "甲、乙与总包单位"), ("facts", "拖欠工资"), ("terms", "总包分两期支付"),
                                             ("effective_on", "2026-11-15"), ("schedule", "2026-11-20 8000\n2026-12-20 6000"),
                                             ("term_\(claims[0].id!.uuidString)", "8000"), ("term_\(claims[1].id!.uuidString)", "5000")]
            let mismatch = try await browser.post("\(path)/mediation-agreements", pairs: form)
            #expect(mismatch.status == .unprocessableEntity && mismatch.text.contains("分期合计应等于协议金额合计"))
            form[4] = ("schedule", "2026-11-20 8000\n2026-12-20 5000")
            #expect(try await browser.post("\(path)/mediation-agreements", pairs: form).status == .seeOther)
            let agreed = try await app.claims(of: found)
            #expect(agreed.map(\.agreedFen) == [800_000, 500_000] && agreed.allSatisfy { $0.agreedSource == .mediation })
            _ = try await browser.post("\(path)/payments", ["claim": claims[0].id!.uuidString, "amount": "8000",
                                                            "paid_on": "2026-11-17", "payer": "总包", "method": "bank_transfer"])
            var page = try await browser.get(path).text
            #expect(page.contains("instalment paid") && page.contains("instalment due") && !page.contains("instalment overdue"))
            clock.advance(35 * Self.day)  // past 2026-12-20
            try await browser.login("caseworker")  // the session has long expired
            page = try await browser.get(path).text
            #expect(page.contains("instalment paid") && page.contains("instalment overdue") && page.contains("逾期未付"))
        }
    }

    @Test("Deadlines come from the case's dates through the engine; an interruption restarts the limitation period")
    func deadlines() async throws {
        try await withHuzhu(clock: TestClock()) { app, browser in
            let (found, _) = try await prepared(app, browser)
            let path = "/cases/\(found.id!)"
            #expect(try await browser.get(path).text.contains("2026-11-30"))  // wage arrears: a year from leaving
            #expect(try await browser.post("\(path)/legal-events", ["legal_event": "demand_to_employer", "event_on": "2026-11-10"])
                .status == .seeOther)
            var page = try await browser.get(path).text
            #expect(page.contains("2027-11-10") && page.contains("进行中"))
            _ = try await browser.post("\(path)/legal-events", ["legal_event": "arbitration_applied", "event_on": "2026-11-12"])
            page = try await browser.get(path).text
            #expect(page.contains("已完成"))
            let future = try await browser.post("\(path)/legal-events", ["legal_event": "award_received", "event_on": "2099-01-01"])
            #expect(future.status == .unprocessableEntity)
        }
    }

    @Test("A reminder is raised once per threshold and once when overdue, to each assignee")
    func reminders() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            let (found, claims) = try await prepared(app, browser)
            let due = CalendarDate(clock.now()).adding(days: 5)
            _ = try await browser.post("/cases/\(found.id!)/mediation-agreements", pairs: [
                ("agreement_parties", "甲与总包"), ("facts", "欠薪"), ("terms", "一次付清"), ("effective_on", CalendarDate(clock.now()).description),
                ("schedule", "\(due) 10000"), ("term_\(claims[0].id!.uuidString)", "10000")])
            // One open case a page: with a second case open, the scan takes several pages.
            try await browser.openCase(title: "另一宗欠薪")
            func scan() async throws -> Int {
                try await ReminderScan.run(on: app.db, today: CalendarDate(clock.now()), now: clock.now(), days: [7, 2], page: 1)
            }
            #expect(try await Case.query(on: app.db).filter(\.$status != .closed).count() > 1)
            let first = try await scan()
            #expect(first >= 1)  // the instalment (and any deadline within 7 days)
            #expect(try await scan() == 0)
            clock.advance(4 * Self.day)
            #expect(try await Reminder.query(on: app.db).filter(\.$item == "instalment").count() == 1)
            _ = try await scan()
            #expect(try await Reminder.query(on: app.db).filter(\.$item == "instalment").count() == 2)
            clock.advance(2 * Self.day)
            _ = try await scan()
            #expect(try await scan() == 0)
            let keys = try await Reminder.query(on: app.db).filter(\.$item == "instalment").all().map(\.key).sorted()
            #expect(keys.map { $0.split(separator: ":").last! } == ["2", "7", "overdue"])
            try await browser.login("caseworker")
            let list = try await browser.get("/due").text
            #expect(list.contains(found.number) && list.contains("已逾期"))
            #expect(try await browser.get("/").text.contains("即将到期"))
        }
    }

    @Test("Documents hold the parts the law requires and are kept as dated versions when finalised")
    func documents() async throws {
        try await withHuzhu(clock: TestClock()) { app, browser in
            let (found, claims) = try await prepared(app, browser)
            _ = try await browser.post("/cases/\(found.id!)/mediation-agreements", pairs: [
                ("agreement_parties", "甲、乙与总包单位"), ("facts", "总包拖欠两名工友工资"), ("terms", "总包一次付清"),
                ("effective_on", "2026-11-15"), ("term_\(claims[0].id!.uuidString)", "9000")])
            let agreement = try #require(try await MediationAgreement.query(on: app.db).first())
            let path = "/cases/\(found.id!)/documents/mediation-agreement?agreement=\(agreement.id!)"
            let page = try await browser.get(path).text
            for part in ["人民调解协议书", "当事人基本情况", "纠纷的主要事实、争议事项及各方责任", "总包拖欠两名工友工资", "协议内容",
                         "¥9,000.00", "履行方式和期限", "一次性支付", "人民调解员（签名）", "人民调解委员会（印章）", agreement.number,
                         "小小鸟人民调解委员会", "三十日内共同向人民法院申请司法确认"] {
                #expect(page.contains(part), "\(part)")
            }
            let arbitration = try await browser.get("/cases/\(found.id!)/documents/arbitration-application").text
            for part in ["申请人", "被申请人", "仲裁请求", "拖欠工资 ¥10,000.00", "事实与理由", "劳动人事争议仲裁委员会"] {
                #expect(arbitration.contains(part), "\(part)")
            }
            #expect(try await browser.get("/cases/\(found.id!)/documents/lawyer-summary").text.contains("仲裁时效届满"))
            let finalised = try await browser.post("/cases/\(found.id!)/documents/arbitration-application/finalise")
            #expect(finalised.status == .seeOther)
            let kept = try #require(try await CaseDocument.query(on: app.db).first())
            #expect(try kept.version == 1 && app.fieldCipher.open(kept.htmlCipher).contains("仲裁请求"))
            #expect(try await browser.get(finalised.location!).text.contains("仲裁请求"))
            let other = browser.fresh()
            try await other.login("cd.caseworker")
            #expect(try await other.get(finalised.location!).status == .notFound)
        }
    }
}
