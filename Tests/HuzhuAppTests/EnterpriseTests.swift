import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuEnterprise
@testable import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Enterprise hotline: worker voice, escalation, liaison isolation, k-anonymous reports")
struct EnterpriseTests {
    /// The demo partner, and a second enterprise with its own liaison (`liaison.b`).
    func partners(_ app: Application) async throws -> (Partnership, Partnership) {
        _ = try await DemoPartner.loadIfEmpty(into: app)
        let first = try #require(try await Partnership.query(on: app.db).first())
        let liaison = User()
        liaison.login = "liaison.b"
        liaison.displayName = "乙厂联络人"
        liaison.passwordHash = try app.password.hash(DemoNetwork.password)
        liaison.role = .enterpriseLiaison
        liaison.ngoID = first.ngoID
        liaison.language = .zhHans
        liaison.active = true
        liaison.createdAt = Date()
        try await liaison.create(on: app.db)
        let second = Partnership()
        second.ngoID = first.ngoID
        second.officeID = first.officeID
        second.employerID = first.employerID
        second.name = "乙厂"
        second.startOn = CalendarDate(iso: "2026-01-01")!
        second.sitesText = "总装"
        second.reportMonths = 1
        second.responsibleID = first.responsibleID
        second.k = 5
        second.formToken = UUID()
        second.createdAt = Date()
        try await second.create(on: app.db)
        let link = PartnerLiaison()
        link.ngoID = first.ngoID
        link.partnershipID = second.id!
        link.userID = liaison.id!
        try await link.create(on: app.db)
        return (first, second)
    }

    func file(_ browser: Browser, _ partner: Partnership, _ fields: [String: String]) async throws -> TestingHTTPResponse {
        try await browser.post("/voice/\(partner.formToken)", ["category": "safety", "severity": "urgent", "treatment": "anonymous",
                                                               "description": "冲压车间的安全门坏了，班长不让停机"].merging(fields) { $1 })
    }

    @Test("The public form takes feedback without a login, refuses bad input, and limits a flood")
    func publicForm() async throws {
        try await withHuzhu { app, browser in
            let (partner, _) = try await partners(app)
            let visitor = browser.fresh()
            #expect(try await visitor.get("/voice/\(partner.formToken)").status == .ok)
            #expect(try await visitor.get("/voice/\(UUID())").status == .notFound)
            // A partnership that has ended takes no more feedback.
            let admin = browser.fresh()
            try await admin.login("ngoadmin")
            let bad = try await admin.post("/partners/\(partner.id!)", ["k": "1", "report_months": "1", "sites": "二厂"])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await admin.post("/partners/\(partner.id!)", ["k": "5", "report_months": "1", "sites": "二厂",
                                                                       "end_on": "2026-01-31"]).status == .seeOther)
            #expect(try await visitor.get("/voice/\(partner.formToken)").status == .notFound)
            _ = try await admin.post("/partners/\(partner.id!)", ["k": "5", "report_months": "1", "sites": "二厂"])
            let refused = try await file(visitor, partner, ["category": "gossip", "description": "", "site": "月球"])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("field-category") && refused.text.contains("field-description"))
            #expect(try await Feedback.query(on: app.db).count() == 0)
            let named = try await file(visitor, partner, ["treatment": "named", "worker_name": ""])
            #expect(named.text.contains("实名反映请填写姓名"))
            let ok = try await file(visitor, partner, ["callback": "13800138000", "site": "二厂"])
            #expect(ok.status == .ok && ok.text.contains("谢谢"))
            let stored = try #require(try await Feedback.query(on: app.db).first())
            #expect(stored.callbackCipher == nil)  // anonymous: the number is not kept
            #expect(!(try await app.rawContent()).contains("安全门坏了"))  // the words are encrypted at rest
            for _ in 0..<5 { _ = try await file(visitor, partner, [:]) }
            let flooded = try await file(visitor, partner, [:])
            #expect(flooded.status == .tooManyRequests && Int(flooded.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
        }
    }

    @Test("Feedback belongs to the office that holds the partnership: another office's caseworker finds nothing; the NGO admin all")
    func feedbackByOffice() async throws {
        try await withHuzhu { app, browser in
            let (partner, _) = try await partners(app)  // held by the Shenzhen office
            _ = try await file(browser.fresh(), partner, [:])
            let item = try #require(try await Feedback.query(on: app.db).first())
            let shenzhen = browser.fresh()
            try await shenzhen.login("sz.caseworker")
            #expect(try await shenzhen.get("/partners").text.contains(partner.name))
            #expect(try await shenzhen.get("/feedback/\(item.id!)").text.contains("安全门坏了"))

            let beijing = browser.fresh()
            try await beijing.login("caseworker")
            #expect(!(try await beijing.get("/partners").text.contains(partner.name)))
            #expect(!(try await beijing.get("/feedback/new").text.contains(partner.name)))
            for path in ["/partners/\(partner.id!)", "/feedback/\(item.id!)"] {
                #expect(try await beijing.get(path).status == .notFound, "\(path)")
            }
            let before = try await Feedback.query(on: app.db).count()
            #expect(try await beijing.post("/feedback/\(item.id!)/summary", ["summary": "改写"]).status == .notFound)
            #expect(try await beijing.post("/feedback/\(item.id!)/status", ["status": "triaged"]).status == .notFound)
            let recorded = try await beijing.post("/feedback/new", ["partner": partner.id!.uuidString, "channel": "staff",
                                                                   "category": "safety", "severity": "normal", "treatment": "anonymous",
                                                                   "description": "代录"])
            #expect(recorded.status == .unprocessableEntity)
            #expect(try await Feedback.query(on: app.db).count() == before)
            #expect(try #require(try await Feedback.find(item.id, on: app.db)).status == .new)

            try await browser.login("ngoadmin")
            #expect(try await browser.get("/feedback/\(item.id!)").status == .ok)
            #expect(try await browser.get("/partners").text.contains(partner.name))
        }
    }

    @Test("Forwarding needs an approved summary; an urgent item is escalated and flagged when not acknowledged in 24 hours")
    func flowAndEscalation() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            let (partner, _) = try await partners(app)
            _ = try await file(browser.fresh(), partner, [:])
            let item = try #require(try await Feedback.query(on: app.db).first())
            try await browser.login("ngoadmin")
            #expect(try await browser.get("/feedback/\(item.id!)").text.contains("安全门坏了"))
            let early = try await browser.post("/feedback/\(item.id!)/status", ["status": "forwarded"])
            #expect(early.status == .unprocessableEntity)
            #expect(try await browser.post("/feedback/\(item.id!)/status", ["status": "triaged", "note": "核实中"]).status == .seeOther)
            #expect(try await browser.post("/feedback/\(item.id!)/summary", ["summary": "一厂有设备安全隐患，请立即检查", "escalate": "on"])
                .status == .seeOther)
            var stored = try #require(try await Feedback.find(item.id, on: app.db))
            #expect(stored.status == .forwarded && stored.ackDueAt == stored.escalatedAt?.addingTimeInterval(24 * 3600))
            clock.advance(25 * 3600)
            try await browser.login("ngoadmin")
            #expect(try await browser.get("/partners/\(partner.id!)").text.contains("企业未按时确认"))
            let home = try await browser.get("/").text
            #expect(home.contains("企业未确认的紧急事项 (1)") && home.contains("queue-item overdue"))
            let liaison = browser.fresh()
            try await liaison.login("liaison")
            let portal = try await liaison.get("/portal").text
            #expect(portal.contains("一厂有设备安全隐患") && portal.contains("已超过确认期限"))
            #expect(try await liaison.post("/portal/feedback/\(item.id!)/acknowledge").status == .seeOther)
            #expect(try await liaison.post("/portal/feedback/\(item.id!)/respond", ["response": "已停机检修"]).status == .seeOther)
            stored = try #require(try await Feedback.find(item.id, on: app.db))
            #expect(stored.acknowledgedAt != nil && stored.status == .responded)
            #expect(try await browser.post("/feedback/\(item.id!)/verdict", ["verdict": "satisfied"]).status == .seeOther)
            #expect(try #require(try await Feedback.find(item.id, on: app.db)).status == .verified)
        }
    }

    @Test("A liaison sees only their enterprise, never a worker's words, name or number, nor any count under k")
    func isolation() async throws {
        let clock = TestClock()  // 2026-11-18
        try await withHuzhu(clock: clock) { app, browser in
            let (first, second) = try await partners(app)
            let visitor = browser.fresh()
            _ = try await file(visitor, first, ["treatment": "confidential", "worker_name": "王小明", "callback": "13900139000",
                                                "description": "王小明说宿舍漏水", "category": "dormitory", "severity": "normal"])
            for index in 0..<4 {
                _ = try await file(visitor, second, ["description": "乙厂加班太多 \(index)", "category": "hours", "severity": "normal"])
            }
            let items = try await Feedback.query(on: app.db).all()
            clock.advance(20 * 86400)  // November has ended
            try await browser.login("ngoadmin")
            for item in items {
                _ = try await browser.post("/feedback/\(item.id!)/summary", ["summary": "摘要 \(item.category.rawValue)"])
            }
            for partner in [first, second] {
                _ = try await browser.post("/partners/\(partner.id!)/reports", ["period": "2026-11", "recommendations": "建议改善"])
            }
            let reports = try await EnterpriseReport.query(on: app.db).all()
            let reportB = try #require(reports.first { $0.partnershipID == second.id })
            #expect(!reportB.html.contains(">4<"))  // four items in one cell: under k, not shown
            #expect(reportB.html.contains("不足 5 条"))

            let liaisonA = browser.fresh()
            try await liaisonA.login("liaison")
            let portalA = try await liaisonA.get("/portal").text
            #expect(portalA.contains("摘要 dormitory") && !portalA.contains("摘要 hours"))
            for secret in ["王小明", "宿舍漏水", "13900139000", "139****9000"] { #expect(!portalA.contains(secret), "\(secret)") }
            let itemB = try #require(items.first { $0.partnershipID == second.id })
            #expect(try await liaisonA.post("/portal/feedback/\(itemB.id!)/acknowledge").status == .notFound)
            #expect(try await liaisonA.get("/reports/\(reportB.id!)").status == .notFound)
            #expect(try await liaisonA.get("/partners").status == .forbidden)
            #expect(try await liaisonA.get("/feedback/\(itemB.id!)").status == .notFound)
            let liaisonB = browser.fresh()
            try await liaisonB.login("liaison.b")
            #expect(try await liaisonB.get("/reports/\(reportB.id!)").status == .ok)
            #expect(!(try await liaisonB.get("/portal").text.contains("摘要 dormitory")))
        }
    }

    @Test("Every page a liaison can reach names no office, no member of staff and no worker")
    func liaisonSeesNoInternals() async throws {
        let clock = TestClock()  // 2026-11-18
        try await withHuzhu(clock: clock) { app, browser in
            let (first, _) = try await partners(app)
            _ = try await file(browser.fresh(), first, ["treatment": "confidential", "worker_name": "王小明", "callback": "13900139000",
                                                        "description": "宿舍漏水", "category": "dormitory", "severity": "normal"])
            let item = try #require(try await Feedback.query(on: app.db).first())
            clock.advance(20 * 86400)
            try await browser.login("ngoadmin")
            _ = try await browser.post("/feedback/\(item.id!)/summary", ["summary": "宿舍需要维修"])
            _ = try await browser.post("/partners/\(first.id!)/reports", ["period": "2026-11", "recommendations": "建议改善"])
            let liaison = browser.fresh()
            try await liaison.login("liaison")
            let offices = try await Office.query(on: app.db).all().map(\.name)
            let staff = try await User.query(on: app.db).filter(\.$role != .enterpriseLiaison).all().map(\.displayName)
            let reports = try await EnterpriseReport.query(on: app.db).filter(\.$partnershipID == first.id!).all()
            var paths = ["/", "/account", "/portal", "/tokens", "/account/two-factor"]
            paths += reports.map { "/reports/\($0.id!)" }
            for path in paths {
                let page = try await liaison.get(path)
                #expect(page.status == .ok, "\(path)")
                for name in offices + staff + ["王小明", "13900139000"] {
                    #expect(!page.text.contains(name), "\(path) names \(name)")
                }
            }
        }
    }

    @Test("Reports cover an ended month or quarter, never overlap another, and a correction replaces the report for the enterprise")
    func reportPeriods() async throws {
        let clock = TestClock()  // 2026-11-18
        try await withHuzhu(clock: clock) { app, browser in
            let (_, second) = try await partners(app)
            let visitor = browser.fresh()
            for index in 0..<5 {
                _ = try await file(visitor, second, ["description": "乙厂加班太多 \(index)", "category": "hours", "severity": "normal"])
            }
            try await browser.login("ngoadmin")
            let path = "/partners/\(second.id!)/reports"
            // November has not ended yet; a range of days is not a period.
            #expect(try await browser.post(path, ["period": "2026-11", "recommendations": "-"]).status == .unprocessableEntity)
            #expect(try await browser.post(path, ["period": "2026-11-01", "recommendations": "-"]).status == .unprocessableEntity)
            clock.advance(48 * 86400)  // 2027-01-05
            try await browser.login("ngoadmin")
            #expect(try await browser.post(path, ["period": "2026-10", "recommendations": "-"]).status == .seeOther)
            #expect(try await browser.post(path, ["period": "2026-11", "recommendations": "-"]).status == .seeOther)
            // The fourth quarter holds both months: it would let one report be subtracted from the other.
            let overlap = try await browser.post(path, ["period": "2026-Q4", "recommendations": "-"])
            #expect(overlap.status == .unprocessableEntity && overlap.text.contains("重叠"))
            #expect(try await EnterpriseReport.query(on: app.db).count() == 2)
            // Issuing November again is a correction: it needs a reason, and replaces the first.
            #expect(try await browser.post(path, ["period": "2026-11", "recommendations": "-"]).status == .unprocessableEntity)
            #expect(try await browser.post(path, ["period": "2026-11", "revision_reason": "分类更正", "recommendations": "-"]).status == .seeOther)
            let reports = try await EnterpriseReport.query(on: app.db).filter(\.$periodCode == "2026-11").sort(\.$issuedAt).all()
            #expect(reports.count == 2 && reports[1].replacesID == reports[0].id && reports[1].shownTotal == 5)
            // The trend repeats the earlier report's total as issued, and nothing from outside the reports.
            #expect(reports[1].html.contains("2026-10：0") && reports[1].html.contains("2026-11：5"))
            let liaison = browser.fresh()
            try await liaison.login("liaison.b")
            #expect(try await liaison.get("/reports/\(reports[1].id!)").status == .ok)
            #expect(try await liaison.get("/reports/\(reports[0].id!)").status == .notFound)
            #expect(!(try await liaison.get("/portal").text.contains(reports[0].id!.uuidString.lowercased())))
            // The smallest threshold a partnership may set is 3.
            #expect(try await browser.post("/partners/\(second.id!)", ["k": "2", "report_months": "1", "sites": "总装"]).status == .unprocessableEntity)
        }
    }
}
