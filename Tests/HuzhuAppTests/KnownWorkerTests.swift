import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

/// A new worker typed without pressing "look up" must not silently become a second record of someone
/// the NGO knows: saving stops at a shared phone number, or the same name and birth year, and asks.
@Suite("Known workers are not recorded twice")
struct KnownWorkerTests {
    @Test("The intake page stops at a known phone; the operator uses the record or confirms a different person")
    func intakeStopsAtKnownPhone() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            #expect(try await browser.recordContact(phone: "13800138000", newWorker: "张三").status == .seeOther)
            let known = try #require(try await app.workers(named: "张三").first)
            // Typed into the new-worker section, without looking the number up first.
            let typed: [String: String] = ["phone": "", "full_name": "张小三", "phones": "138 0013 8000"]
            let stopped = try await browser.recordContact(phone: nil, subject: "new", extra: typed)
            #expect(stopped.status == .conflict)
            #expect(stopped.text.contains("同一人：张三 · 138****8000") && stopped.text.contains("不是同一人"))
            #expect(try await app.contacts().count == 1)
            #expect(try await Worker.query(on: app.db).count() == 1)
            #expect(try await app.auditActions().last == "intake.worker.view")

            let same = try await browser.recordContact(phone: nil, subject: "new", extra: typed.merging(["use_worker": known.id!.uuidString]) { $1 })
            #expect(same.status == .seeOther)
            #expect(try await Worker.query(on: app.db).count() == 1)
            #expect(try await app.contacts().last?.workerID == known.id)

            let different = try await browser.recordContact(phone: nil, subject: "new", extra: typed.merging(["use_worker": "different"]) { $1 })
            #expect(different.status == .seeOther)
            #expect(try await Worker.query(on: app.db).count() == 2)
        }
    }

    @Test("The same name and birth year stop saving too; another NGO's worker does not")
    func nameAndBirthYear() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            #expect(try await browser.recordContact(phone: "13800138001", newWorker: "李四", extra: ["birth_year": "1988"]).status == .seeOther)
            let sameName = try await browser.recordContact(phone: nil, subject: "new", extra: ["full_name": "李四", "birth_year": "1988"])
            #expect(sameName.status == .conflict && sameName.text.contains("同一人：李四"))
            let otherYear = try await browser.recordContact(phone: nil, subject: "new", extra: ["full_name": "李四", "birth_year": "1990"])
            #expect(otherYear.status == .seeOther)
            let chengdu = browser.fresh()
            try await chengdu.login("cd.caseworker")
            #expect(try await chengdu.recordContact(phone: "13800138001", newWorker: "李四", extra: ["birth_year": "1988"]).status == .seeOther)
        }
    }

    @Test("The API answers 409 naming the known record, unless the client confirms a different person")
    func api() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let headers = try await browser.apiHeaders()
            func post(_ path: String, _ json: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: json))
            }
            #expect(try await post("/api/v1/workers", #"{"full_name": "王五", "phones": ["13900001111"]}"#).status == .created)
            let known = try #require(try await app.workers(named: "王五").first)
            let stopped = try await post("/api/v1/workers", #"{"full_name": "王小五", "phones": ["+86 139 0000 1111"]}"#)
            #expect(stopped.status == .conflict)
            let answer = try stopped.content.decode(DuplicateAnswer.self)
            #expect(answer.error.code == "possible_duplicate" && answer.matches.map(\.id) == [known.id!])
            let topic = try #require(try await Topic.query(on: app.db).sort(\.$position).first()).code
            let contact = try await post("/api/v1/contacts", """
                {"channel": "hotline", "topics": ["\(topic)"], "summary": "又来电", "outcome": "advice",
                 "worker": {"full_name": "王小五", "phones": ["13900001111"]}}
                """)
            #expect(contact.status == .conflict)
            #expect(try await Worker.query(on: app.db).count() == 1)
            #expect(try await app.contacts().isEmpty)
            let confirmed = try await post("/api/v1/workers", #"{"full_name": "王小五", "phones": ["13900001111"], "different_person": true}"#)
            #expect(confirmed.status == .created)
            #expect(try await Worker.query(on: app.db).count() == 2)
        }
    }
}
