import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIndicators
@testable import HuzhuIntake
import HuzhuPlatform
@testable import HuzhuWorkerNetwork
import Testing
import Vapor
import VaporTesting

/// Text messages to workers: only to those who agreed and did not opt out, the text as carriers require,
/// a dry run without a gateway, and the gateway's calls — replies, opt-outs, delivery reports — refused
/// without its secret. (The real gateway, Kannel, is driven end to end in Tests/sms.)
@Suite("Text messages to workers")
struct SMSTests {
    static let secret = "gateway-secret-0123456789"

    /// A Beijing group of three, two of whom agreed to texts, and the Beijing line for replies.
    static func group(_ app: Application) async throws -> WorkerGroup {
        app.smsGateway.secret = secret
        let work = try await app.work(as: "caseworker")
        let office = try await app.office("BJ")
        let group = try await Groups.create(CreateGroup(form: ["office": office.id!.uuidString, "name": "工地组"]), in: work)
        for number in 1...3 {
            try await Groups.add(Person(form: ["full_name": "工友\(number)", "phone": "1380013000\(number)"]), leader: number == 1, to: group, in: work)
        }
        for worker in try await Worker.query(on: app.db).sort(\.$createdAt).limit(2).all() {
            worker.consentSMSOn = CalendarDate(iso: "2026-11-01")
            try await worker.save(on: app.db)
        }
        let line = TelephonyLine()
        line.ngoID = office.ngoID
        line.officeID = office.id!
        line.number = "01062345678"
        line.name = "北京热线"
        line.secretCipher = try app.fieldCipher.seal("line-secret")
        line.createdAt = Date()
        try await line.create(on: app.db)
        return group
    }

    @Test("The preview shows the text as sent and who is left out; sending queues a copy for each who agreed; a dry run records them not sent")
    func composeAndDryRun() async throws {
        try await withHuzhu { app, browser in
            let group = try await Self.group(app)
            try await browser.login("caseworker")
            let form = ["audience": "group", "audience_id": group.id!.uuidString, "body": "周六晚上七点在活动室讲欠薪维权，欢迎参加。"]
            let preview = try await browser.post("/messages", form)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("【小小鸟互助热线】周六晚上七点在活动室讲欠薪维权，欢迎参加。 回复TD退订"))
            #expect(preview.text.contains("分 1 条计费") && preview.text.contains("将发送给 2 名工友") && preview.text.contains("1 人未同意接收短信"))
            #expect(try await SMSMessage.query(on: app.db).count() == 0, "a preview writes nothing")

            let sent = try await browser.post("/messages", form.merging(["confirm": "on"]) { $1 })
            #expect(sent.status == .seeOther)
            let copies = try await SMSRecipient.query(on: app.db).all()
            #expect(copies.count == 2 && copies.allSatisfy { $0.state == .queued })
            let raw = try await app.rawContent()
            #expect(!raw.contains("13800130002") && !raw.contains("欠薪维权"), "the numbers and the text are sealed")
            #expect(try await SMSSender.sendQueued(app, limit: 10) == 2)
            let after = try await SMSRecipient.query(on: app.db).all()
            #expect(after.allSatisfy { $0.state == .notSent && $0.reason == "sms.reason.no_gateway" })
            let page = try await browser.get(try #require(sent.location)).text
            #expect(page.contains("未发送 2") && page.contains("未配置短信网关"))

            let long = try await browser.post("/messages", form.merging(["body": String(repeating: "工", count: 700)]) { $1 })
            #expect(long.status == .unprocessableEntity && long.text.contains("短信过长"))
            let empty = try await browser.post("/messages", form.merging(["body": " "]) { $1 })
            #expect(empty.status == .unprocessableEntity)
            #expect(try await SMSMessage.query(on: app.db).count() == 1)
            let stranger = browser.fresh()
            try await stranger.login("sz.caseworker")
            #expect(try await stranger.post("/messages", form.merging(["confirm": "on"]) { $1 }).status == .notFound)
            #expect(try await SMSMessage.query(on: app.db).count() == 1)
        }
    }

    @Test("TD opts a number out at once and for every later message; 恢复 opts it back in; a question becomes an inbound SMS contact")
    func repliesFromWorkers() async throws {
        try await withHuzhu { app, browser in
            let group = try await Self.group(app)
            try await browser.login("caseworker")
            let form = ["audience": "group", "audience_id": group.id!.uuidString, "body": "通知", "confirm": "on"]
            #expect(try await browser.post("/messages", form).status == .seeOther)
            let gateway = browser.fresh()
            #expect(try await gateway.get("/sms/inbound/\(Self.secret)?from=%2B8613800130001&to=01062345678&text=TD").status == .ok)
            #expect(try await OptOuts.isOut("13800130001", db: app.db, cipher: app.fieldCipher))
            // The copy queued before the reply is not sent either.
            _ = try await SMSSender.sendQueued(app, limit: 10)
            let first = try await SMSRecipient.query(on: app.db).all().first { (try? app.fieldCipher.open($0.phoneCipher)) == "13800130001" }
            #expect(first?.reason == "sms.reason.opted_out")
            // Nor any message after it, from any list.
            let next = try await browser.post("/messages", form.merging(["confirm": ""]) { $1 })
            #expect(next.text.contains("将发送给 1 名工友") && next.text.contains("1 人已回复退订"))
            let worker = try #require(try await Worker.query(on: app.db).sort(\.$createdAt).first())
            #expect(try await browser.get("/workers/\(worker.id!)").text.contains("已回复退订"))
            #expect(try await gateway.get("/sms/inbound/\(Self.secret)?from=13800130001&to=01062345678&text=%E6%81%A2%E5%A4%8D").status == .ok)
            #expect(!(try await OptOuts.isOut("13800130001", db: app.db, cipher: app.fieldCipher)))

            let question = "老板欠了三个月工资，怎么办？"
            let asked = try await gateway.get("/sms/inbound/\(Self.secret)?from=13800130002&to=010-62345678&text="
                                              + question.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(asked.status == .ok)
            let contact = try #require(try await Contact.query(on: app.db).filter(\.$channel == .sms).first())
            let beijing = try await app.office("BJ")
            #expect(contact.direction == .inbound && contact.officeID == beijing.id && contact.workerID != nil)
            #expect(try contact.openSummary(app.fieldCipher) == question)
            #expect(try await Callback.query(on: app.db).filter(\.$contactID == contact.id).count() == 1)
            let engine = IndicatorEngine(db: app.db, sources: app.indicatorSources)
            let today = CalendarDate(Date())
            #expect(try await engine.compute(IndicatorPeriod.month(today.year, today.month), scope: .network)[.onlineConsultations] == 1)
        }
    }

    @Test("A call without the gateway's secret, or from another address when the gateway's are set, changes nothing")
    func forgedCalls() async throws {
        try await withHuzhu { app, browser in
            _ = try await Self.group(app)
            #expect(try await browser.get("/sms/inbound/wrong-secret-0123456789?from=13800130001&text=TD").status == .notFound)
            #expect(try await browser.get("/sms/reports/wrong-secret-0123456789?recipient=\(UUID())&status=1").status == .notFound)
            #expect(try await SMSOptOut.query(on: app.db).count() == 0)
            app.smsGateway.gatewayAddresses = ["10.9.8.7"]
            #expect(try await browser.get("/sms/inbound/\(Self.secret)?from=13800130001&text=TD").status == .forbidden)
            #expect(try await SMSOptOut.query(on: app.db).count() == 0)
            app.smsGateway.secret = nil
            #expect(try await browser.get("/sms/inbound/\(Self.secret)?from=13800130001&text=TD").status == .notFound)
            #expect(try await Contact.query(on: app.db).count() == 0)
        }
    }

    @Test("Delivery reports move a copy along: accepted by the carrier, then delivered or failed")
    func deliveryReports() async throws {
        try await withHuzhu { app, browser in
            let group = try await Self.group(app)
            try await browser.login("caseworker")
            #expect(try await browser.post("/messages", ["audience": "group", "audience_id": group.id!.uuidString, "body": "通知", "confirm": "on"])
                .status == .seeOther)
            let copies = try await SMSRecipient.query(on: app.db).all()
            let gateway = browser.fresh()
            #expect(try await gateway.get("/sms/reports/\(Self.secret)?recipient=\(copies[0].id!)&status=8").status == .ok)
            #expect(try await SMSRecipient.find(copies[0].id, on: app.db)?.state == .sent)
            #expect(try await gateway.get("/sms/reports/\(Self.secret)?recipient=\(copies[0].id!)&status=1").status == .ok)
            #expect(try await gateway.get("/sms/reports/\(Self.secret)?recipient=\(copies[0].id!)&status=8").status == .ok)
            #expect(try await SMSRecipient.find(copies[0].id, on: app.db)?.state == .delivered, "a late 'accepted' does not undo 'delivered'")
            #expect(try await gateway.get("/sms/reports/\(Self.secret)?recipient=\(copies[1].id!)&status=16").status == .ok)
            #expect(try await SMSRecipient.find(copies[1].id, on: app.db)?.state == .failed)
            #expect(try await gateway.get("/sms/reports/\(Self.secret)?recipient=\(UUID())&status=1").status == .notFound)
        }
    }
}
