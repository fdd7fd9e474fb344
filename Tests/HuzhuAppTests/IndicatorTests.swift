import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
@testable import HuzhuIndicators
@testable import HuzhuIntake
@testable import HuzhuOrg
import HuzhuPlatform
import SQLKit
import Testing
import Vapor
import VaporTesting

/// A small network with known records: two NGOs, a worker served by both (same phone), a worker served
/// by two offices of one NGO, a case referred between offices whose payment was recorded in Beijing,
/// anonymous contacts, and contacts on the edges of the month.
struct IndicatorNetwork {
    let bj: Office, sz: Office, cd: Office
    let ngoA: UUID, ngoB: UUID

    static func build(_ app: Application) async throws -> IndicatorNetwork {
        let bj = try await app.office("BJ"), sz = try await app.office("SZ"), cd = try await app.office("CD")
        let bjUser = try await app.user("caseworker").requireID(), cdUser = try await app.user("cd.caseworker").requireID()
        let db = app.db
        let enrol = WorkerEnrolment(db: db, cipher: app.fieldCipher)
        let now = Date()
        let w1 = try await enrol.enrol(name: "甲", phone: try PhoneNumber("13800000001"), ngoID: bj.ngoID, officeID: bj.id!, by: bjUser, now: now).worker
        let w2 = try await enrol.enrol(name: "甲", phone: try PhoneNumber("13800000001"), ngoID: cd.ngoID, officeID: cd.id!, by: cdUser, now: now).worker
        let w3 = try await enrol.enrol(name: "丙", phone: nil, ngoID: bj.ngoID, officeID: bj.id!, by: bjUser, now: now).worker
        let w4 = try await enrol.enrol(name: "丁", phone: nil, ngoID: bj.ngoID, officeID: bj.id!, by: bjUser, now: now).worker
        var serial = 0
        func contact(_ office: Office, _ channel: Contact.Channel, _ direction: Contact.Direction, _ worker: Worker?,
                     _ local: String, by user: UUID) async throws {
            serial += 1
            let row = Contact()
            row.ngoID = office.ngoID
            row.officeID = office.id!
            row.number = "T-\(serial)"
            row.channel = channel
            row.direction = direction
            row.operatorID = user
            row.startedAt = ShanghaiTime.instant(localMinute: local)!
            row.workerID = worker?.id
            try row.seal(summary: "测试", advice: "", app.fieldCipher)
            row.outcome = .advice
            row.createdAt = now
            try await row.create(on: db)
        }
        try await contact(bj, .hotline, .inbound, w1, "2026-10-05T10:00", by: bjUser)
        try await contact(sz, .visit, .inbound, w1, "2026-10-06T10:00", by: bjUser)
        try await contact(cd, .wechat, .inbound, w2, "2026-10-07T10:00", by: cdUser)
        try await contact(bj, .hotline, .inbound, nil, "2026-10-31T23:30", by: bjUser)
        try await contact(bj, .hotline, .outbound, w1, "2026-10-09T10:00", by: bjUser)
        try await contact(bj, .hotline, .inbound, nil, "2026-11-01T00:10", by: bjUser)
        func openCase(_ office: Office, _ opened: String, _ workers: [Worker], by user: UUID) async throws -> Case {
            serial += 1
            let found = Case()
            found.ngoID = office.ngoID
            found.officeID = office.id!
            found.number = "K-\(serial)"
            found.titleCipher = try app.fieldCipher.seal("测试")
            found.summaryCipher = try app.fieldCipher.seal("")
            found.status = .negotiation
            found.disputeTypes = [.wageArrears]
            found.openedOn = CalendarDate(iso: opened)!
            found.openedBy = user
            found.createdAt = now
            found.updatedAt = now
            try await found.create(on: db)
            for worker in workers {
                let link = CaseWorker()
                link.ngoID = office.ngoID
                link.caseID = found.id!
                link.workerID = worker.id!
                link.addedAt = now
                try await link.create(on: db)
            }
            return found
        }
        func pay(_ found: Case, _ worker: Worker, _ fen: Int64, on day: String, by user: UUID) async throws {
            let claim = Claim()
            claim.ngoID = found.ngoID
            claim.caseID = found.id!
            claim.workerID = worker.id!
            claim.head = .unpaidWages
            claim.claimedFen = fen
            claim.note = ""
            claim.createdAt = now
            try await claim.create(on: db)
            let payment = Payment()
            payment.ngoID = found.ngoID
            payment.caseID = found.id!
            payment.claimID = claim.id!
            payment.workerID = worker.id!
            payment.paidOn = CalendarDate(iso: day)!
            payment.amountFen = fen
            payment.payer = "某公司"
            payment.method = .bankTransfer
            payment.recordedBy = user
            payment.recordedAt = now
            try await payment.create(on: db)
        }
        let k1 = try await openCase(bj, "2026-10-10", [w1, w3], by: bjUser)
        let agreement = MediationAgreement()
        agreement.ngoID = k1.ngoID
        agreement.caseID = k1.id!
        agreement.number = "BJ-2026-M001"
        agreement.parties = ""
        agreement.facts = ""
        agreement.terms = ""
        agreement.effectiveOn = CalendarDate(iso: "2026-10-25")!
        agreement.createdBy = bjUser
        agreement.createdAt = now
        try await agreement.create(on: db)
        let k2 = try await openCase(sz, "2026-09-20", [w4], by: bjUser)
        try await pay(k2, w4, 100_000, on: "2026-10-15", by: bjUser)  // referred to Beijing, recorded there
        let k3 = try await openCase(cd, "2026-08-01", [w2], by: cdUser)
        try await pay(k3, w2, 50_000, on: "2026-10-20", by: cdUser)
        return IndicatorNetwork(bj: bj, sz: sz, cd: cd, ngoA: bj.ngoID, ngoB: cd.ngoID)
    }
}

@Suite("Indicators: the ten definitions, counted once, published immutably")
struct IndicatorTests {
    /// Figures of records with no hours logged: human input is "not recorded".
    func figures(_ values: [Indicator: Int64]) -> IndicatorFigures { IndicatorFigures(values, unrecorded: [.humanInputHours]) }

    @Test("Every indicator for offices, NGOs and the network, for a month and a year")
    func definitions() async throws {
        try await withHuzhu { app, _ in
            let net = try await IndicatorNetwork.build(app)
            let engine = IndicatorEngine(db: app.db, sources: app.indicatorSources)
            let october = IndicatorPeriod.month(2026, 10)
            func compute(_ scope: Scope, _ period: IndicatorPeriod = october) async throws -> IndicatorFigures {
                try await engine.compute(period, scope: scope)
            }
            #expect(try await compute(.office(ngo: net.ngoA, office: net.bj.id!)) == figures([
                .hotlineCalls: 2, .casesAccepted: 1, .mediationAgreements: 1, .workersRecoveringWages: 1,
                .amountRecoveredFen: 100_000, .directBeneficiaries: 3]))
            #expect(try await compute(.office(ngo: net.ngoA, office: net.sz.id!)) == figures([.visits: 1, .directBeneficiaries: 1]))
            #expect(try await compute(.ngo(net.ngoA)) == figures([
                .hotlineCalls: 2, .visits: 1, .casesAccepted: 1, .mediationAgreements: 1, .workersRecoveringWages: 1,
                .amountRecoveredFen: 100_000, .directBeneficiaries: 3]))
            #expect(try await compute(.ngo(net.ngoB)) == figures([
                .onlineConsultations: 1, .workersRecoveringWages: 1, .amountRecoveredFen: 50_000, .directBeneficiaries: 1]))
            #expect(try await compute(.network) == figures([
                .hotlineCalls: 2, .visits: 1, .onlineConsultations: 1, .casesAccepted: 1, .mediationAgreements: 1,
                .workersRecoveringWages: 2, .amountRecoveredFen: 150_000, .directBeneficiaries: 3]))
            #expect(try await compute(.network, .year(2026)) == figures([
                .hotlineCalls: 3, .visits: 1, .onlineConsultations: 1, .casesAccepted: 3, .mediationAgreements: 1,
                .workersRecoveringWages: 2, .amountRecoveredFen: 150_000, .directBeneficiaries: 5]))
            #expect(try await compute(.network, .month(2026, 12)) == figures([:]))
            #expect(try await compute(.network, .day(CalendarDate(iso: "2026-10-31")!))[.hotlineCalls] == 1)
        }
    }

    @Test("The API computes a scope's figures for those who may read them, and refuses other scopes and bad periods")
    func api() async throws {
        try await withHuzhu { app, browser in
            _ = try await IndicatorNetwork.build(app)
            func get(_ query: String, as login: String) async throws -> TestingHTTPResponse {
                try await browser.login(login)
                return try await browser.get("/api/v1/indicators?\(query)", headers: try await browser.apiHeaders())
            }
            let office = try await get("period_kind=month&period_from=2026-10-01", as: "caseworker")
            #expect(office.status == .ok)
            let body = try office.content.decode(IndicatorsAPI.FiguresJSON.self)
            #expect(body.scope.hasPrefix("office:"))
            #expect(body.period_to == "2026-11-01")
            #expect(body.figures["hotline_calls"] == 2 && body.figures["amount_recovered_fen"] == 100_000)
            let network = try await get("scope=network&period_kind=year&period_from=2026-03-05", as: "admin")
            #expect(try network.content.decode(IndicatorsAPI.FiguresJSON.self).figures["direct_beneficiaries"] == 5)
            #expect(try await get("scope=network&period_kind=year&period_from=2026-01-01", as: "caseworker").status == .forbidden)
            #expect(try await get("period_kind=month&period_from=2026-10-01", as: "volunteer").status == .forbidden)
            let wrong = try await get("scope=office&period_kind=fortnight&period_from=2026-10-01", as: "admin")
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("\"field\":\"scope\""))
            let period = try await get("period_kind=custom&period_from=2026-10-01", as: "caseworker")
            #expect(period.status == .unprocessableEntity)
            #expect(period.text.contains("\"field\":\"period_last\""))
        }
    }

    @Test("A snapshot never changes; a correction keeps the original; the digest is the same on every run and database")
    func publication() async throws {
        try await withHuzhu { app, browser in
            _ = try await IndicatorNetwork.build(app)
            try await browser.login("admin")
            let form = ["scope": "network", "period_kind": "month", "period_from": "2026-10-01"]
            let first = try await browser.post("/indicators/publish", form)
            #expect(first.status == .seeOther)
            let snapshot = try #require(try await IndicatorSnapshot.query(on: app.db).first())
            // Computed from fixed records, so fixed: the same on SQLite and PostgreSQL and on every run.
            #expect(snapshot.canonical == #"{"amount_recovered_fen":150000,"cases_accepted":1,"definition_version":1,"direct_beneficiaries":3,"hotline_calls":2,"human_input_hours":0,"mediation_agreements":1,"online_consultations":1,"period_from":"2026-10-01","period_to":"2026-11-01","scope":"network","training_participants":0,"unrecorded":["human_input_hours"],"visits":1,"workers_recovering_wages":2}"#)
            #expect(snapshot.digest == Publication.digest(snapshot.canonical))
            await #expect(throws: (any Error).self) {
                try await app.db.sql.raw("UPDATE indicator_snapshots SET digest = 'x'").run()
            }
            await #expect(throws: (any Error).self) { try await app.db.sql.raw("DELETE FROM indicator_snapshots").run() }
            let again = try await browser.post("/indicators/publish", form)
            #expect(again.status == .unprocessableEntity && again.text.contains("更正须说明原因"))
            #expect(try await browser.post("/indicators/publish", form.merging(["reason": "补录了一笔付款"]) { $1 }).status == .seeOther)
            let all = try await IndicatorSnapshot.query(on: app.db).sort(\.$publishedAt).all()
            #expect(all.count == 2 && all[1].replacesID == all[0].id && all[0].digest == snapshot.digest)
            let page = try await browser.fresh().get("/transparency/snapshots/\(all[0].id!)").text
            #expect(page.contains("此版本已被更正") && page.contains("补录了一笔付款"))
            // No hours were logged that month: the public page says so rather than showing a 0.
            #expect(page.contains("未记录"))
            let json = try await browser.fresh().get("/transparency/snapshots/\(all[1].id!)/json")
            let body = try json.content.decode(SnapshotJSON.self)
            #expect(VerifySnapshotCommand.check(body).isEmpty)
            var tampered = body
            tampered.figures["amount_recovered_fen"] = 999
            #expect(!VerifySnapshotCommand.check(tampered).isEmpty)
            let csv = try await browser.fresh().get("/transparency/snapshots/\(all[1].id!)/csv")
            #expect(csv.text.hasPrefix("\u{FEFF}key,value") && csv.text.contains("amount_recovered_fen,150000"))
            #expect(csv.text.contains("human_input_hours,\r\n") && body.unrecorded == ["human_input_hours"])
        }
    }

    @Test("Public pages and files name the publishing NGO, never a member of staff; the description counts the network's NGOs")
    func publicPublisher() async throws {
        try await withHuzhu { app, browser in
            let net = try await IndicatorNetwork.build(app)
            try await browser.login("admin")
            _ = try await browser.post("/indicators/publish", ["scope": "network", "period_kind": "month", "period_from": "2026-10-01"])
            let supervisor = browser.fresh()
            try await supervisor.login("supervisor")
            _ = try await supervisor.post("/indicators/publish", ["scope": "office:\(net.bj.id!.uuidString.lowercased())",
                                                                  "period_kind": "month", "period_from": "2026-10-01"])
            let staff = try await User.query(on: app.db).all().map(\.displayName)
            let visitor = browser.fresh()
            let front = try await visitor.get("/transparency?period=2026-10").text
            #expect(front.contains("\(try await NGO.query(on: app.db).count()) 家劳工机构"))
            var texts = [front, try await visitor.get("/transparency/feed.json").text]
            for snapshot in try await IndicatorSnapshot.query(on: app.db).all() {
                for suffix in ["", "/json", "/csv"] { texts.append(try await visitor.get("/transparency/snapshots/\(snapshot.id!)\(suffix)").text) }
            }
            for text in texts {
                #expect(!staff.contains(where: text.contains))
            }
            #expect(texts[1].contains("\"publisher\":\"全网络\""))
        }
    }

    @Test("Self-reported figures are marked; the public pages show the network, each NGO and each office, without a login")
    func publicPages() async throws {
        try await withHuzhu { app, browser in
            let net = try await IndicatorNetwork.build(app)
            try await browser.login("admin")
            _ = try await browser.post("/indicators/publish", ["scope": "network", "period_kind": "month", "period_from": "2026-10-01"])
            let report = try await browser.post("/indicators/self-report", [
                "ngo": net.ngoB.uuidString, "period_kind": "month", "period_from": "2026-10-05", "human_input_hours": "120",
                "hotline_calls": "34457", "visits": "8340", "online_consultations": "0", "cases_accepted": "0",
                "mediation_agreements": "0", "workers_recovering_wages": "65359", "amount_recovered_fen": "100998182.96",
                "direct_beneficiaries": "0", "training_participants": "0"])
            #expect(report.status == .seeOther)
            let supervisor = browser.fresh()
            try await supervisor.login("supervisor")
            _ = try await supervisor.post("/indicators/publish", ["scope": "office:\(net.bj.id!.uuidString.lowercased())",
                                                                  "period_kind": "month", "period_from": "2026-10-01"])
            let visitor = browser.fresh()
            let page = try await visitor.get("/transparency?period=2026-10")
            #expect(page.status == .ok)
            #expect(page.text.contains("全网络") && page.text.contains("蓉城工友之家") && page.text.contains("北京办公室"))
            #expect(page.text.contains("自报") && page.text.contains("¥100,998,182.96") && page.text.contains("34,457"))
            #expect(!page.text.contains("13800000001") && !page.text.contains("甲"))
            let reportPage = try await visitor.get("/transparency/report?period=2026-10").text
            #expect(reportPage.contains("接听热线 34,457 个，接待来访 8,340 人次，帮助 65,359 名工友追回欠薪，金额 ¥100,998,182.96"))
            let bad = try await browser.post("/indicators/self-report", ["ngo": net.ngoB.uuidString, "period_kind": "month",
                                                                          "period_from": "2026-09-01", "hotline_calls": "-3"])
            #expect(bad.status == .unprocessableEntity)
        }
    }
}
