import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Who may read contacts and workers")
struct IntakeAccessTests {
    @Test("A hotline volunteer reads only the contacts they recorded; office staff read their office's")
    func contactsByRole() async throws {
        try await withHuzhu { app, browser in
            let volunteer = browser
            try await volunteer.login("volunteer")
            try await volunteer.recordContact(phone: "13800138000", newWorker: "志愿者记录的工友", summary: "志愿者的记录")
            let caseworker = browser.fresh()
            try await caseworker.login("caseworker")
            try await caseworker.recordContact(phone: "13900139000", newWorker: "社工记录的工友", summary: "社工的记录")
            let contacts = try await app.contacts()
            let mine = contacts.first { (try? $0.openSummary(app.fieldCipher)) == "志愿者的记录" }!
            let theirs = contacts.first { (try? $0.openSummary(app.fieldCipher)) == "社工的记录" }!

            let ownList = try await volunteer.get("/contacts").text
            #expect(ownList.contains(mine.number) && !ownList.contains(theirs.number))
            #expect(try await volunteer.get("/contacts/\(mine.id!)").status == .ok)
            #expect(try await volunteer.get("/contacts/\(theirs.id!)").status == .notFound)
            #expect(try await volunteer.get("/workers").status == .forbidden)
            #expect(try await volunteer.get("/workers/\(theirs.workerID!)").status == .notFound)

            let officeList = try await caseworker.get("/contacts").text
            #expect(officeList.contains(mine.number) && officeList.contains(theirs.number))
            let volunteerID = try await app.user("volunteer").requireID()
            let byOperator = try await caseworker.get("/contacts?operator=\(volunteerID)").text
            #expect(byOperator.contains(mine.number) && !byOperator.contains(theirs.number))
            let byPhone = try await caseworker.get("/contacts?q=139-0013-9000").text
            #expect(byPhone.contains(theirs.number) && !byPhone.contains(mine.number))
            #expect(try await caseworker.get("/contacts?q=\(theirs.number.lowercased())").text.contains(theirs.number))
            #expect(try await caseworker.get("/contacts/\(mine.id!)").status == .ok)

            let shenzhen = browser.fresh()
            try await shenzhen.login("sz.caseworker")
            #expect(try await shenzhen.get("/contacts/\(mine.id!)").status == .notFound)
            #expect(!(try await shenzhen.get("/contacts").text.contains(mine.number)))

            let otherNGO = browser.fresh()
            try await otherNGO.login("cd.caseworker")
            #expect(try await otherNGO.get("/contacts/\(mine.id!)").status == .notFound)
            #expect(try await otherNGO.get("/workers/\(mine.workerID!)").status == .notFound)
            #expect(!(try await otherNGO.get("/intake?phone=13800138000").text.contains("志愿者记录的工友")))
        }
    }

    @Test("Reading a contact or a worker is audited; full numbers show only on an audited reveal")
    func auditedReads() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            try await browser.recordContact(phone: "13800138000", newWorker: "王五",
                                            extra: ["id_number": "11010519491231002X"])
            let worker = try #require(try await app.workers(named: "王五").first)
            let contact = try #require(try await app.contacts().first)

            let page = try await browser.get("/workers/\(worker.id!)").text
            #expect(page.contains("138****8000") && !page.contains("13800138000"))
            #expect(page.contains("1101**********002X"))
            #expect(page.contains(contact.number))
            let revealed = try await browser.post("/workers/\(worker.id!)/reveal").text
            #expect(revealed.contains("13800138000") && revealed.contains("11010519491231002X"))
            _ = try await browser.get("/contacts/\(contact.id!)")

            let audited = try await AuditEvent.query(on: app.db).sort(\.$id).all().map(\.action)
            #expect(audited.suffix(3) == ["intake.worker.view", "intake.worker.reveal", "intake.contact.view"])
        }
    }

    @Test("Editing a worker keeps the consent's date and re-encrypts the numbers")
    func editWorker() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("supervisor")
            try await browser.recordContact(phone: "13800138000", newWorker: "赵六", extra: ["consent_sms": "on"])
            let worker = try #require(try await app.workers(named: "赵六").first)
            let given = try #require(worker.consentSMSOn)
            let form = try await browser.get("/workers/\(worker.id!)/edit")
            #expect(form.text.contains("value=\"13800138000\""))
            let saved = try await browser.post("/workers/\(worker.id!)/edit", [
                "full_name": "赵六", "phones": "13800138000, 13700137000", "consent_sms": "on", "gender": "male",
            ])
            #expect(saved.status == .seeOther)
            let updated = try #require(try await Worker.find(worker.id, on: app.db))
            #expect(updated.consentSMSOn == given)
            #expect(updated.gender == .male)
            #expect(try await WorkerPhone.query(on: app.db).filter(\.$workerID == worker.id!).count() == 2)
            #expect(try await browser.get("/workers?q=13700137000").text.contains("赵六"))
            #expect(try await browser.get("/workers?q=赵").text.contains("赵六"))
            let bad = try await browser.post("/workers/\(worker.id!)/edit", ["full_name": "赵六", "phones": "12345"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("这不是一个有效的中国电话号码"))
        }
    }
}
