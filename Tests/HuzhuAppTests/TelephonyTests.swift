import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Telephony webhook, screen-pop and callbacks")
struct TelephonyTests {
    /// Registers the Beijing hotline as the NGO admin would and returns its signing secret.
    func registerLine(_ app: Application, _ browser: Browser) async throws -> String {
        let admin = browser.fresh()
        try await admin.login("ngoadmin")
        let office = try await app.office("BJ").requireID()
        let response = try await admin.post("/admin/lines", ["office": office.uuidString, "number": "010-62345678", "name": "北京热线"])
        #expect(response.status == .created)
        return String(try #require(response.text.firstMatch(of: /<code class="secret">([^<]+)<\/code>/)?.1))
    }

    func post(_ app: Application, event: String, call: String, caller: String = "+8613800138000", secret: String,
              at time: Date = Date(), timestamp: Int? = nil, agent: String? = nil) async throws -> TestingHTTPResponse {
        var json = "{\"event\":\"\(event)\",\"call_id\":\"\(call)\",\"caller\":\"\(caller)\",\"line\":\"01062345678\","
        if let agent { json += "\"agent\":\"\(agent)\"," }
        json += "\"time\":\"\(ISO8601DateFormatter().string(from: time))\"}"
        let stamp = timestamp ?? Int(Date().timeIntervalSince1970)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: WebhookSignature.timestampHeader, value: String(stamp))
        headers.add(name: WebhookSignature.signatureHeader,
                    value: WebhookSignature.sign(body: Data(json.utf8), timestamp: stamp, secret: secret))
        return try await app.testing().sendRequest(.POST, "/api/v1/telephony/events", headers: headers,
                                                   body: ByteBuffer(string: json))
    }

    @Test("Signed events are accepted once; a bad signature, a stale timestamp or an unknown line is refused")
    func signatures() async throws {
        try await withHuzhu { app, browser in
            let secret = try await registerLine(app, browser)
            let good = try await post(app, event: "ringing", call: "c-1", secret: secret)
            #expect(good.status == .ok)
            #expect(good.text.contains("\"status\":\"ok\""))
            let replay = try await post(app, event: "ringing", call: "c-1", secret: secret)
            #expect(replay.status == .ok)
            #expect(replay.text.contains("\"status\":\"duplicate\""))
            let forged = try await post(app, event: "ringing", call: "c-2", secret: "whsec_guess")
            #expect(forged.status == .unauthorized)
            let stale = try await post(app, event: "ringing", call: "c-3", secret: secret,
                                       timestamp: Int(Date().timeIntervalSince1970) - 600)
            #expect(stale.status == .unauthorized)
            #expect(stale.text.contains("signature_stale"))
            #expect(try await Call.query(on: app.db).count() == 1)

            var headers = HTTPHeaders()
            headers.contentType = .json
            let garbage = try await app.testing().sendRequest(.POST, "/api/v1/telephony/events", headers: headers,
                                                              body: ByteBuffer(string: "{\"event\":\"exploded\"}"))
            #expect(garbage.status == .badRequest)
        }
    }

    @Test("A ringing call pops the caller's history on the office's open pages, in each page's language")
    func screenPop() async throws {
        try await withHuzhu { app, browser in
            let secret = try await registerLine(app, browser)
            try await browser.login("caseworker")
            try await browser.recordContact(phone: "13800138000", newWorker: "张三", summary: "第一次来电")
            let office = try await app.office("BJ").requireID()
            let hub = app.screenPop
            let (_, zh) = hub.subscribe(userID: UUID(), login: "caseworker", officeID: office, language: .zhHans)
            let (_, en) = hub.subscribe(userID: UUID(), login: "volunteer", officeID: office, language: .en)
            let (_, elsewhere) = hub.subscribe(userID: UUID(), login: "sz.caseworker", officeID: UUID(), language: .zhHans)

            #expect(try await post(app, event: "ringing", call: "c-9", secret: secret).status == .ok)
            var iterator = zh.makeAsyncIterator()
            let message = try #require(await iterator.next())
            #expect(message.hasPrefix("event: ring\n"))
            #expect(message.contains("张三"))
            #expect(message.contains("138****8000"))
            #expect(message.contains("/intake?call=c-9"))
            #expect(!message.contains("第一次来电"), "summaries stay out of a notice several people see")
            var english = en.makeAsyncIterator()
            #expect(try #require(await english.next()).contains("Record this call"))
            withExtendedLifetime(elsewhere) {}

            let intake = try await browser.get("/intake?call=c-9").text
            #expect(intake.contains("张三"))
            #expect(intake.contains("name=\"call_id\" value=\"c-9\""))
        }
    }

    @Test("The ring goes to the named agent alone when their page is open")
    func namedAgent() async throws {
        let hub = ScreenPopHub()
        let office = UUID()
        let (_, agent) = hub.subscribe(userID: UUID(), login: "caseworker", officeID: office, language: .zhHans)
        let (_, other) = hub.subscribe(userID: UUID(), login: "volunteer", officeID: office, language: .zhHans)
        #expect(hub.ring(officeID: office, agent: "caseworker", event: "ring") { _ in "{}" } == 1)
        #expect(hub.ring(officeID: office, agent: "nobody-here", event: "ring") { _ in "{}" } == 2)
        var iterator = agent.makeAsyncIterator()
        #expect(await iterator.next() == "event: ring\ndata: {}\n\n")
        withExtendedLifetime(other) {}
    }

    @Test("Answered and ended calls time the contact recorded for them")
    func durations() async throws {
        try await withHuzhu { app, browser in
            let secret = try await registerLine(app, browser)
            try await browser.login("caseworker")
            let start = Date().addingTimeInterval(-400)
            _ = try await post(app, event: "ringing", call: "c-5", secret: secret, at: start)
            _ = try await post(app, event: "answered", call: "c-5", secret: secret, at: start.addingTimeInterval(8))
            try await browser.recordContact(phone: "13800138000", newWorker: "钱七", extra: ["call_id": "c-5"])
            _ = try await post(app, event: "ended", call: "c-5", secret: secret, at: start.addingTimeInterval(8 + 252))
            let contact = try #require(try await app.contacts().first)
            #expect(contact.durationSeconds == 252)
            #expect(abs(contact.startedAt.timeIntervalSince(start.addingTimeInterval(8))) < 1)
            #expect(try await browser.get("/contacts/\(contact.id!)").text.contains("4 分 12 秒"))
        }
    }

    @Test("A missed call enters the queue once; the worker calling in again closes it")
    func missedCalls() async throws {
        try await withHuzhu { app, browser in
            let secret = try await registerLine(app, browser)
            _ = try await post(app, event: "missed", call: "m-1", caller: "13800138000", secret: secret)
            _ = try await post(app, event: "missed", call: "m-2", caller: "138 0013 8000", secret: secret)
            #expect(try await Callback.query(on: app.db).filter(\.$status == .open).count() == 1)

            try await browser.login("volunteer")
            let queue = try await browser.get("/callbacks").text
            #expect(queue.contains("138****8000") && queue.contains("未接来电"))
            #expect(try await browser.get("/").text.contains("待回电 (1)"))
            let admin = browser.fresh()
            try await admin.login("ngoadmin")
            #expect(!(try await admin.get("/").text.contains("待回电")))

            try await browser.recordContact(phone: "13800138000", newWorker: "孙八")
            let callback = try #require(try await Callback.query(on: app.db).first())
            #expect(callback.status == .done)
            #expect(callback.result == .workerCalledBack)
        }
    }

    @Test("Working the queue: no answer keeps it open for later; reached closes it and opens the intake")
    func workingTheQueue() async throws {
        try await withHuzhu { app, browser in
            let secret = try await registerLine(app, browser)
            _ = try await post(app, event: "missed", call: "m-1", caller: "13800138000", secret: secret)
            let callback = try #require(try await Callback.query(on: app.db).first())
            try await browser.login("volunteer")
            let call = try await browser.get("/callbacks/\(callback.id!)")
            #expect(call.text.contains("tel:13800138000"))
            #expect(try await browser.post("/callbacks/\(callback.id!)/attempt", ["result": "no_answer"]).status == .seeOther)
            var reloaded = try #require(try await Callback.find(callback.id, on: app.db))
            #expect(reloaded.status == .open && reloaded.attempts == 1)
            #expect(reloaded.dueAt > Date().addingTimeInterval(3600))
            let reached = try await browser.post("/callbacks/\(callback.id!)/attempt", ["result": "reached"])
            #expect(reached.location?.hasPrefix("/intake?callback=") == true)
            reloaded = try #require(try await Callback.find(callback.id, on: app.db))
            #expect(reloaded.status == .done && reloaded.attempts == 2 && reloaded.result == .reached)
            let intake = try await browser.get(reached.location!).text
            #expect(intake.contains("138****8000"))
            #expect(try await browser.post("/callbacks/\(callback.id!)/attempt", ["result": "reached"]).status == .conflict)

            let otherOffice = browser.fresh()
            try await otherOffice.login("sz.caseworker")
            #expect(try await otherOffice.get("/callbacks/\(callback.id!)").status == .notFound)
        }
    }
}
