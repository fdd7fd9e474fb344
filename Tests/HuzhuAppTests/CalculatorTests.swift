import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("The labour-law calculator: page, local figures by date, saving to a case, API")
struct CalculatorTests {
    static let dismissed = "situation=dismissed&region=上海&start=2022-01-01&end=2025-07-31&average_wage=8000"

    @Test("A dismissal in Shanghai: compensation and the notice month, each with its working and statute")
    func dismissal() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("volunteer")
            let page = try await browser.get("/calculator?\(Self.dismissed)".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
            #expect(page.status == .ok)
            #expect(page.text.contains("¥32,000.00") && page.text.contains("¥8,000.00") && page.text.contains("¥40,000.00"))
            #expect(page.text.contains("《劳动合同法》第46、47条"))
            #expect(page.text.contains("工作 3 年 7 个月 0 天 → 4 个月 × ¥8,000.00 = ¥32,000.00"))
            #expect(page.text.contains("2026-07-31"))  // the limitation period, a year from leaving
            // That day has passed (the facts are from 2025): the deadline is marked expired.
            #expect(page.text.contains("2026-07-31<span class=\"status overdue\"> · 已过期</span>"))
            #expect(page.text.contains("2025-07-01 起执行"))  // the figure used and its date
            try await browser.post("/language", ["lang": "en", "back": "/"])
            let english = try await browser.get("/calculator?\(Self.dismissed)&unlawful=on".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
            #expect(english.text.contains("Illegal-termination damages") && english.text.contains("¥64,000.00"))
            #expect(english.text.contains("Labour Contract Law art. 48, 87"))
        }
    }

    @Test("Local figures are chosen by the date of the facts, not today's; an admin adds them")
    func figuresByDate() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            func calculate(_ end: String) async throws -> TestingHTTPResponse {
                let query = "situation=dismissed&region=北京&start=2024-01-01&end=\(end)&average_wage=1500&notice_given=on"
                return try await browser.get("/calculator?\(query)".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
            }
            let before = try await calculate("2025-08-31")
            #expect(before.status == .unprocessableEntity && before.text.contains("没有最低工资记录"))
            #expect(try await browser.post("/admin/law-parameters", ["kind": "minimum_wage", "region": "北京", "amount": "2420",
                                                                     "effective_on": "2024-09-01", "reference": "x"]).status == .forbidden)
            let admin = browser.fresh()
            try await admin.login("admin")
            #expect(try await admin.post("/admin/law-parameters", ["kind": "minimum_wage", "region": "北京", "amount": "2420",
                                                                   "effective_on": "2024-09-01", "reference": "北京市人社局 2024"]).status == .seeOther)
            let duplicate = try await admin.post("/admin/law-parameters", ["kind": "minimum_wage", "region": "北京", "amount": "1",
                                                                           "effective_on": "2024-09-01", "reference": "x"])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(try await WageParameter.query(on: app.db).filter(\.$region == "北京").count() == 2)
            // Below the minimum, the base is the minimum in force when the work ended: 1 year 8 months is 2 months.
            #expect(try await calculate("2025-08-31").text.contains("¥4,840.00"))
            #expect(try await calculate("2025-09-30").text.contains("¥5,080.00"))
            #expect(try await calculate("2025-09-30").text.contains("当地平均工资未录入"))
        }
    }

    @Test("A calculation is saved on a case as the worker's claims, with its working kept")
    func saveToCase() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let found = try await browser.openCase(roster: "钱八 13300133000")
            let worker = try #require(try await app.caseWorkers(of: found).first)
            let page = try await browser.get("/calculator?situation=no_contract&case=\(found.id!)")
            #expect(page.text.contains(found.number))
            let saved = try await browser.post("/cases/\(found.id!)/calculations", ["situation": "no_contract", "start": "2011-01-01",
                                                                                    "monthly_wage": "2000", "worker": worker.uuidString])
            #expect(saved.status == .seeOther)
            let claims = try await app.claims(of: found)
            #expect(claims.map(\.head) == [.doubleWages] && claims[0].claimedFen == 2_200_000)
            #expect(claims[0].note.contains("《劳动合同法》第10、82条"))
            let bad = try await browser.post("/cases/\(found.id!)/calculations", ["situation": "no_contract", "start": "2011-01-01",
                                                                                  "monthly_wage": "2000", "worker": UUID().uuidString])
            #expect(bad.status == .unprocessableEntity)
        }
    }

    @Test("The API runs the same rules; bad facts are named")
    func api() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("lawyer")
            let headers = try await browser.apiHeaders()
            let injury = try await app.testing().sendRequest(.POST, "/api/v1/calculations", headers: headers, body: ByteBuffer(string: """
                {"situation": "injured", "region": "上海", "injured_on": "2025-08-01", "average_wage": 8000, "grade": 7}
                """))
            #expect(injury.status == .ok)
            let body = try injury.content.decode(CalculationBody.self)
            #expect(body.lines.first?.amount_fen == 10_400_000 && body.claims_fen["injury_benefits"] == 10_400_000)
            #expect(body.deadlines.map(\.date) == ["2025-08-31", "2026-08-01"])
            let bad = try await app.testing().sendRequest(.POST, "/api/v1/calculations", headers: headers, body: ByteBuffer(string: """
                {"situation": "injured", "region": "上海", "injured_on": "2025-08-01", "average_wage": 8000, "grade": 11}
                """))
            #expect(bad.status == .unprocessableEntity && bad.text.contains(#""field":"grade""#))
        }
    }

    func calculate(_ browser: Browser, _ query: String) async throws -> TestingHTTPResponse {
        try await browser.get("/calculator?\(query)".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
    }

    @Test("A filing date judges each limitation; implausible service is refused; overtime takes half hours; one error a field")
    func details() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("caseworker")
            let late = try await calculate(browser, "\(Self.dismissed)&filed_on=2026-08-01")
            #expect(late.status == .ok && late.text.contains("按所填申请日提出已超过时效"))
            let timely = try await calculate(browser, "\(Self.dismissed)&filed_on=2026-07-31")
            #expect(timely.text.contains("按所填申请日提出，在时效期间内"))
            let old = try await calculate(browser, "situation=dismissed&region=上海&start=1949-12-31&end=2025-07-31&average_wage=8000")
            #expect(old.status == .unprocessableEntity && old.text.contains("1950 年以前入职不合常理"))
            let long = try await calculate(browser, "situation=no_contract&start=1960-01-01&end=2025-07-31&monthly_wage=3000")
            #expect(long.status == .unprocessableEntity && long.text.contains("工作年限超过五十年不合常理"))
            let half = try await calculate(browser, "situation=overtime&monthly_wage=4000&workday_hours=10.5")
            #expect(half.status == .ok && half.text.contains("¥362.07"))
            let bad = try await calculate(browser, "situation=overtime&monthly_wage=4000&workday_hours=10.25")
            #expect(bad.status == .unprocessableEntity && bad.text.contains("请填写整数或半小时"))
            // No region for an injury: one message for the field, not "required" and "no average wage" both.
            let noRegion = try await calculate(browser, "situation=injured&injured_on=2025-08-01&average_wage=8000&grade=7")
            #expect(noRegion.text.contains("此项必填") && !noRegion.text.contains("没有平均工资记录"))
        }
    }

    @Test("A death in a region without a local average wage still gives the lump sum, and marks the funeral subsidy")
    func deathWithoutLocalAverage() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("caseworker")
            let page = try await calculate(browser, "situation=injured&region=北京&injured_on=2025-10-01&died=on")
            #expect(page.status == .ok)
            #expect(page.text.contains("¥1,036,420.00") && page.text.contains("无法计算") && page.text.contains("尚未录入"))
        }
    }
}
