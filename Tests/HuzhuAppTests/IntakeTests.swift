import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuOrg
@testable import HuzhuCases
@testable import HuzhuIntake
import HuzhuPlatform
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Hotline intake")
struct IntakeTests {
    @Test("A call from a new worker is recorded; the next call from the same number shows it at once")
    func secondCallSeesTheFirst() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let first = try await browser.recordContact(phone: "138-0013-8000", newWorker: "张三")
            #expect(first.status == .seeOther)
            #expect(first.location?.hasPrefix("/intake?saved=") == true)
            let saved = try await browser.get(first.location!)
            #expect(saved.text.contains("已保存 BJ-"))

            let lookup = try await browser.get("/intake?phone=%2B86%20138%200013%208000")
            #expect(lookup.text.contains("张三"))
            #expect(lookup.text.contains("工地欠薪三个月"))
            #expect(lookup.text.contains("已知工友：张三"))

            let worker = try #require(try await app.workers(named: "张三").first)
            let second = try await browser.recordContact(phone: "13800138000", subject: worker.id!.uuidString,
                                                         summary: "老板答应月底付款")
            #expect(second.status == .seeOther)
            #expect(try await app.workers(named: "张三").count == 1)
            let numbers = try await app.contacts().map(\.number)
            let year = CalendarDate(Date()).year
            #expect(numbers == ["BJ-\(year)-C000001", "BJ-\(year)-C000002"])
            #expect(try await app.contacts().allSatisfy { $0.workerID == worker.id })
        }
    }

    @Test("Two NGOs may both have a BJ office: their contact numbers do not collide")
    func numbersPerNGO() async throws {
        try await withHuzhu { app, browser in
            let admin = browser.fresh()
            try await admin.login("cd.admin")
            #expect(try await admin.post("/admin/offices/new", ["name": "北京联络处", "city": "北京", "code": "BJ"]).status == .seeOther)
            let chengduBJ = try #require(try await Office.query(on: app.db).filter(\.$code == "BJ")
                .filter(\.$ngoID == (try await app.ngo(named: "蓉城").requireID())).first())
            let operatorAccount = try await app.user("cd.caseworker")
            operatorAccount.officeID = chengduBJ.id
            try await operatorAccount.save(on: app.db)

            try await browser.login("caseworker")
            #expect(try await browser.recordContact(phone: "13800138000", newWorker: "甲").status == .seeOther)
            let other = browser.fresh()
            try await other.login("cd.caseworker")
            #expect(try await other.recordContact(phone: "13800138000", newWorker: "乙").status == .seeOther)
            let numbers = try await app.contacts().map(\.number)
            #expect(numbers.count == 2 && Set(numbers).count == 1)
        }
    }

    @Test("A contact without topic or summary is refused with the reasons, and nothing is written")
    func validation() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("volunteer")
            let response = try await browser.post("/intake", [
                "phone": "13800138000", "subject": "new", "full_name": "", "channel": "hotline", "outcome": "advice",
                "summary": "", "id_number": "110101199003074259",
            ])
            #expect(response.status == .unprocessableEntity)
            for message in ["请至少选择一个主题", "此项必填", "身份证号码校验位不对"] {
                #expect(response.text.contains(message), "\(message)")
            }
            #expect(try await Contact.query(on: app.db).count() == 0)
            #expect(try await Worker.query(on: app.db).count() == 0)
        }
    }

    @Test("Names, phone and ID numbers, and what the worker said and was told, never reach the database in clear")
    func encryptedAtRest() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let response = try await browser.recordContact(phone: "13800138000", newWorker: "李四",
                                                           extra: ["id_number": "110101199003074258", "phones": "010-62345678"])
            #expect(response.status == .seeOther)
            let stored = try await app.rawContent()
            let contact = try #require(try await Contact.query(on: app.db).first())
            #expect(stored.contains(contact.number), "the check must see the data it reads")
            for secret in ["李四", "13800138000", "01062345678", "62345678", "110101199003074258", "工地欠薪三个月", "建议收集工资证据"] {
                #expect(!stored.contains(secret), "\(secret) found in clear")
            }
            // And yet the worker is found by any spelling of the number.
            #expect(try await browser.get("/intake?phone=0086-138-0013-8000").text.contains("李四"))
        }
    }

    @Test("The demo's names, phones, contact summaries, advice, case titles and timelines are nowhere in the database file")
    func demoWordsSealed() async throws {
        try await withHuzhu { app, _ in
            _ = try await DemoHotline.loadIfEmpty(into: app)
            _ = try await DemoCases.loadIfEmpty(into: app)
            let cipher = app.fieldCipher
            let workers = try await Worker.query(on: app.db).all()
            let phones = try await WorkerStore(db: app.db, cipher: cipher).phones(of: workers.compactMap(\.id)).values.flatMap { $0 }
            var words = try workers.map { try $0.openName(cipher) } + phones.map(\.digits)
            words += try await Contact.query(on: app.db).all().flatMap { [try $0.openSummary(cipher), try $0.openAdvice(cipher)] }
            words += try await Case.query(on: app.db).all().flatMap { [try $0.openTitle(cipher), try $0.openSummary(cipher)] }
            words += try await CaseEvent.query(on: app.db).all().map { try $0.openText(cipher) }
            words = words.filter { $0.count >= 2 }
            #expect(workers.count >= 3 && words.count >= 15)
            let stored = try await app.rawContent()
            #expect(stored.contains("BJ-"), "the check must see the data it reads")
            // A long text is looked for by a stretch from its middle (its start may be a contact's number).
            let inClear = words.filter { stored.contains($0.count > 16 ? String($0.dropFirst($0.count / 2 - 6).prefix(12)) : $0) }
            #expect(inClear.isEmpty, "found in clear: \(inClear)")
        }
    }
}
