import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuEnterprise
import HuzhuPlatform
import Testing
import Vapor

/// Each identity option on the public feedback form does what its words say: anonymous keeps neither
/// name nor number; "known to the NGO only" keeps both for the NGO alone; "named to the company" sends
/// the name (never the number or the words) with the approved summary, marked as the worker's consent.
@Suite("Feedback identity options")
struct FeedbackIdentityTests {
    let enterprise = EnterpriseTests()

    func forward(_ item: Feedback, _ browser: Browser) async throws {
        #expect(try await browser.post("/feedback/\(item.id!)/summary", ["summary": "摘要：宿舍需要维修"]).status == .seeOther)
    }

    @Test("Anonymous keeps no name; known to the NGO only keeps it for the NGO and never forwards it")
    func anonymousAndConfidential() async throws {
        try await withHuzhu { app, browser in
            let (partner, _) = try await enterprise.partners(app)
            _ = try await enterprise.file(browser.fresh(), partner, ["treatment": "anonymous", "worker_name": "匿名者", "callback": "13900139001"])
            _ = try await enterprise.file(browser.fresh(), partner, ["treatment": "confidential", "worker_name": "李秀英", "callback": "13900139002"])
            let items = try await Feedback.query(on: app.db).sort(\.$createdAt).all()
            #expect(items[0].nameCipher == nil && items[0].callbackCipher == nil)
            #expect(try items[1].nameCipher.map(app.fieldCipher.open) == "李秀英" && items[1].callbackCipher != nil)
            try await browser.login("ngoadmin")
            let staff = try await browser.get("/feedback/\(items[1].id!)").text
            #expect(staff.contains("李秀英") && staff.contains("原话、姓名和电话永远不会转给企业"))
            try await forward(items[1], browser)
            let liaison = browser.fresh()
            try await liaison.login("liaison")
            let portal = try await liaison.get("/portal").text
            #expect(portal.contains("摘要：宿舍需要维修") && !portal.contains("李秀英") && !portal.contains("实名"))
        }
    }

    @Test("Named to the company: the name goes with the forwarded summary, marked as consent; the number never does")
    func named() async throws {
        try await withHuzhu { app, browser in
            let (partner, _) = try await enterprise.partners(app)
            _ = try await enterprise.file(browser.fresh(), partner, ["treatment": "named", "worker_name": "王小明", "callback": "13900139000"])
            let item = try #require(try await Feedback.query(on: app.db).first())
            let liaison = browser.fresh()
            try await liaison.login("liaison")
            #expect(!(try await liaison.get("/portal").text.contains("王小明")))  // not before the NGO forwards it
            try await browser.login("ngoadmin")
            #expect(try await browser.get("/feedback/\(item.id!)").text.contains("姓名会随摘要转给企业"))
            try await forward(item, browser)
            let portal = try await liaison.get("/portal").text
            #expect(portal.contains("工友同意向贵企业实名：王小明"))
            for secret in ["13900139000", "139****9000", "安全门坏了"] { #expect(!portal.contains(secret), "\(secret)") }
            #expect(try await app.auditActions().last == "enterprise.feedback.view")
        }
    }
}
