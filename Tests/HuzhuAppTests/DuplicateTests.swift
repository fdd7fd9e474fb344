import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Duplicate workers")
struct DuplicateTests {
    @Test("Records sharing a phone are listed together; merging keeps every contact, phone and trail")
    func mergeWithoutLoss() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("supervisor")
            try await browser.recordContact(phone: "13800138000", newWorker: "刘一", extra: ["phones": "13700137000"])
            // Saved as a different person when intake asked (a duplicate made despite the check, to merge later).
            try await browser.recordContact(phone: "138 0013 8000", newWorker: "刘一手", subject: "new",
                                            extra: ["id_number": "110101199003074258", "current_city": "北京", "use_worker": "different"])
            try await browser.recordContact(phone: "13600136000", newWorker: "无关的人")
            let first = try #require(try await app.workers(named: "刘一").first)
            let second = try #require(try await app.workers(named: "刘一手").first)

            let page = try await browser.get("/workers/duplicates")
            #expect(page.status == .ok)
            #expect(page.text.contains("刘一") && page.text.contains("刘一手") && page.text.contains("相同电话"))
            #expect(!page.text.contains("无关的人"))

            let refused = try await browser.post("/workers/merge", ["survivor": first.id!.uuidString,
                                                                    "workers[]": second.id!.uuidString])
            #expect(refused.status == .unprocessableEntity)

            let merged = try await browser.post("/workers/merge", pairs: [
                ("survivor", first.id!.uuidString), ("workers[]", first.id!.uuidString), ("workers[]", second.id!.uuidString),
                ("confirm", "on"),
            ])
            #expect(merged.status == .seeOther)

            #expect(try await Contact.query(on: app.db).filter(\.$workerID == first.id!).count() == 2)
            let survivor = try #require(try await Worker.find(first.id, on: app.db))
            #expect(survivor.idHash != nil && survivor.currentCity == "北京")
            #expect(try await WorkerPhone.query(on: app.db).filter(\.$workerID == first.id!).count() == 2)
            let absorbed = try #require(try await Worker.find(second.id, on: app.db))
            #expect(absorbed.mergedInto == first.id)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "intake.worker.merge").count() == 2)
            #expect(try await browser.get("/workers/\(second.id!)").text.contains("刘一"))
            #expect(!(try await browser.get("/workers/duplicates").text.contains("刘一手")))

            let volunteer = browser.fresh()
            try await volunteer.login("volunteer")
            #expect(try await volunteer.get("/workers/duplicates").status == .forbidden)
        }
    }
}
