import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
@testable import HuzhuEnterprise
@testable import HuzhuIndicators
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("A worker's data rights: export, erasure that keeps the indicators, and the retention rule")
struct DataRightsTests {
    /// A demo worker who is party to the demo's case and was paid, with a phone and a contact of their own.
    func worker(_ app: Application) async throws -> Worker {
        _ = try await DemoHotline.loadIfEmpty(into: app)
        _ = try await DemoCases.loadIfEmpty(into: app)
        let paid = try #require(try await Payment.query(on: app.db).first())
        return try #require(try await Worker.find(paid.workerID, on: app.db))
    }

    func indicators(_ app: Application, _ worker: Worker) async throws -> [IndicatorFigures] {
        let engine = IndicatorEngine(db: app.db, sources: app.indicatorSources)
        let year = IndicatorPeriod.year(CalendarDate(app.clock.now()).year)
        return [try await engine.compute(year, scope: .network), try await engine.compute(year, scope: .ngo(worker.ngoID)),
                try await engine.compute(year, scope: .office(ngo: worker.ngoID, office: worker.officeID))]
    }

    @Test("The export holds the worker's identifiers in clear, their contacts, cases, claims and payments, and is audited; only their NGO's supervisors and administrators may take it")
    func export() async throws {
        try await withHuzhu { app, browser in
            let worker = try await worker(app)
            let phone = try #require(try await WorkerStore(db: app.db, cipher: app.fieldCipher).phones(of: [worker.id!])[worker.id!]?.first)
            try await browser.login("supervisor")
            let response = try await browser.get("/workers/\(worker.id!)/export.json")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            let file = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let sections = try #require(file["sections"] as? [String: [[String: String]]])
            #expect(sections["worker_and_contacts"]?.first?["name"] == (try worker.openName(app.fieldCipher)))
            #expect(sections["worker_and_contacts"]?.first?["phones"]?.contains(phone.digits) == true)
            let cases = try #require(sections["cases"])
            #expect(cases.contains { $0["case"]?.hasPrefix("BJ-") == true })
            #expect(cases.contains { $0["payment_on"] != nil } && cases.contains { $0["claim"] != nil })
            #expect(try await app.auditActions().contains("intake.worker.export_data"))
            #expect(try #require(sections["audit"]).contains { $0["action"] == "intake.worker.export_data" })  // the export lists itself
            #expect(try await browser.get("/workers/\(worker.id!)").text.contains("导出这位工友的全部信息"))

            let caseworker = browser.fresh()
            try await caseworker.login("caseworker")
            #expect(try await caseworker.get("/workers/\(worker.id!)/export.json").status == .forbidden)
            #expect(!(try await caseworker.get("/workers/\(worker.id!)").text.contains("导出这位工友")))
            let otherNGO = browser.fresh()
            try await otherNGO.login("cd.caseworker")
            #expect(try await otherNGO.get("/workers/\(worker.id!)/export.json").status == .notFound)
        }
    }

    @Test("Erasure removes the identifiers and free text everywhere and keeps the records, so every indicator is unchanged")
    func erase() async throws {
        try await withHuzhu { app, browser in
            let worker = try await worker(app)
            let name = try worker.openName(app.fieldCipher)
            let phone = try #require(try await WorkerStore(db: app.db, cipher: app.fieldCipher).phones(of: [worker.id!])[worker.id!]?.first)
            try await browser.login("supervisor")
            let again = try await browser.recordContact(phone: phone.digits, subject: worker.id!.uuidString, summary: "第二次来电，提到\(name)的工头")
            #expect(again.status == .seeOther, "\(again.text.prefix(300))")
            let duplicate = Worker()  // an earlier record of the same person, merged into this one
            duplicate.ngoID = worker.ngoID
            duplicate.officeID = worker.officeID
            try WorkerName.seal(name, onto: duplicate, app.fieldCipher)
            duplicate.gender = .female
            duplicate.notesCipher = try app.fieldCipher.seal("同一个人，旧记录")
            duplicate.mergedInto = worker.id
            duplicate.createdAt = Date()
            try await duplicate.create(on: app.db)
            let before = try await indicators(app, worker)
            let contactsBefore = try await Contact.query(on: app.db).filter(\.$workerID == worker.id!).count()
            let paymentsBefore = try await Payment.query(on: app.db).filter(\.$workerID == worker.id!).all().map(\.amountFen)
            #expect(contactsBefore > 0 && !paymentsBefore.isEmpty)

            let unconfirmed = try await browser.post("/workers/\(worker.id!)/erase", ["request_reference": "2026-11-20 电话"])
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(try await Worker.find(worker.id, on: app.db)?.openName(app.fieldCipher) == name)
            let erased = try await browser.post("/workers/\(worker.id!)/erase", ["request_reference": "2026-11-20 电话", "confirm": "on"])
            #expect(erased.status == .seeOther)

            let after = try #require(try await Worker.find(worker.id, on: app.db))
            #expect(try after.openName(app.fieldCipher) == WorkerData.anonymisedLabel && after.erasedAt != nil && after.idCipher == nil && after.notesCipher == nil)
            #expect(try await WorkerPhone.query(on: app.db).filter(\.$workerID == worker.id!).count() == 0)
            let merged = try #require(try await Worker.find(duplicate.id, on: app.db))
            #expect(try merged.openName(app.fieldCipher) == WorkerData.anonymisedLabel && merged.notesCipher == nil && merged.erasedAt != nil)
            let contacts = try await Contact.query(on: app.db).filter(\.$workerID == worker.id!).all()
            #expect(contacts.count == contactsBefore && contacts.allSatisfy {
                (try? $0.openSummary(app.fieldCipher)) == WorkerData.anonymisedLabel && (try? $0.openAdvice(app.fieldCipher)) == ""
            })
            #expect(try await Payment.query(on: app.db).filter(\.$workerID == worker.id!).all().map(\.amountFen) == paymentsBefore)
            #expect(try await Claim.query(on: app.db).filter(\.$workerID == worker.id!).all().allSatisfy(\.note.isEmpty))
            #expect(!(try await CaseEvent.query(on: app.db).all().contains { (try? $0.openText(app.fieldCipher))?.contains(name) == true }))
            #expect(try await indicators(app, worker) == before)
            let raw = try await app.rawContent()
            #expect(!raw.contains(name) && !raw.contains(phone.digits))
            #expect(try await browser.get("/workers?q=\(phone.digits)").text.contains(name) == false)
            #expect(try await browser.get("/workers/\(worker.id!)").text.contains("个人信息已于"))
            #expect(try await app.auditActions().contains("intake.worker.erase"))
        }
    }

    @Test("After erasure no text column of any table, nor the audit log, holds the worker's name, phone or words")
    func eraseEverywhere() async throws {
        try await withHuzhu { app, browser in
            let worker = try await worker(app)
            let name = try worker.openName(app.fieldCipher)
            let phone = try #require(try await WorkerStore(db: app.db, cipher: app.fieldCipher).phones(of: [worker.id!])[worker.id!]?.first)
            let spaced = "\(phone.digits.prefix(3)) \(phone.digits.dropFirst(3).prefix(4)) \(phone.digits.suffix(4))"
            try await browser.login("supervisor")
            // What an attacker saw survive: a case titled with the name, a note with the phone and a health
            // detail, the contact's summary copied onto the timeline, a file named after the worker.
            let health = "怀孕五个月，工头不让休息"
            #expect(try await browser.recordContact(phone: phone.digits, subject: worker.id!.uuidString,
                                                    summary: "\(name)来电：\(health)").status == .seeOther)
            let contact = try #require(try await Contact.query(on: app.db).filter(\.$workerID == worker.id!)
                .sort(\.$createdAt, .descending).first())
            let opened = try await browser.openCase(title: "\(name)欠薪案", roster: "\(name) \(phone.digits)",
                                                    extra: [("contact", contact.id!.uuidString), ("summary", "\(name)来电：\(health)")])
            #expect(try await browser.post("/cases/\(opened.id!)/notes", ["note_kind": "call",
                                                                           "text": "回电 \(spaced)，\(health)"]).status == .seeOther)
            #expect(try await browser.upload("/cases/\(opened.id!)/files", fields: [("description", "\(name)的工资条")],
                                             file: "\(name)工资条.pdf", type: "application/pdf",
                                             data: Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)).status == .seeOther)
            // The attack's starting point: the title names the worker (sealed at rest, but there to erase).
            #expect(try opened.openTitle(app.fieldCipher).contains(name))
            let named = try await app.textColumns(containing: name)
            #expect(named.isEmpty, "\(named)")
            #expect(try await app.textColumns(containing: health).isEmpty)
            let sealedWords = try await CaseEvent.query(on: app.db).filter(\.$caseID == opened.id!).all().map { try $0.openText(app.fieldCipher) }
            #expect(sealedWords.contains { $0.contains(health) })

            // And the contact recorded as feedback to a partner enterprise, the worker named.
            _ = try await DemoPartner.loadIfEmpty(into: app)
            let partner = try #require(try await Partnership.query(on: app.db).first())
            let hotline = browser.fresh()
            try await hotline.login("ngoadmin")
            #expect(try await hotline.post("/feedback/new", [
                "partner": partner.id!.uuidString, "contact": contact.id!.uuidString, "channel": "hotline", "category": "safety",
                "severity": "normal", "treatment": "named", "worker_name": name, "callback": phone.digits,
                "description": "\(name)说：\(health)",
            ]).status == .seeOther)

            let erased = try await browser.post("/workers/\(worker.id!)/erase", ["request_reference": "2026-11-20 电话", "confirm": "on"])
            #expect(erased.status == .seeOther)
            let feedback = try #require(try await Feedback.query(on: app.db).filter(\.$contactID == contact.id!).first())
            #expect(feedback.nameCipher == nil && feedback.callbackCipher == nil)
            #expect(try !app.fieldCipher.open(feedback.descriptionCipher).contains(name))
            for needle in [name, phone.digits, spaced, health] {
                let left = try await app.textColumns(containing: needle)
                #expect(left.isEmpty, "\(needle) in \(left)")
            }
            // Nor what is sealed: the timeline and the summary, opened, hold no trace either.
            let timeline = try await CaseEvent.query(on: app.db).filter(\.$caseID == opened.id!).all().map { try $0.openText(app.fieldCipher) }
            let summary = try #require(try await Case.find(opened.id, on: app.db)).openSummary(app.fieldCipher)
            for needle in [name, phone.digits, spaced, health] {
                #expect(!timeline.contains { $0.contains(needle) } && !summary.contains(needle), "\(needle)")
            }
            let audit = try await AuditEvent.query(on: app.db).all()
            #expect(audit.allSatisfy { ($0.detail ?? "").rangeOfCharacter(from: CharacterSet(charactersIn: "\u{4E00}"..."\u{9FFF}")) == nil })
            let admin = browser.fresh()
            try await admin.login("ngoadmin")
            let log = try await admin.get("/admin/audit").text
            #expect(log.contains("intake.worker.erase") || log.contains("抹除"))
            #expect(!log.contains(name) && !log.contains(phone.digits) && !log.contains(health))
            // The case and its money stay, anonymous.
            let kept = try #require(try await Case.find(opened.id, on: app.db))
            #expect(try kept.openTitle(app.fieldCipher).contains(WorkerData.anonymisedLabel) && kept.number == opened.number)
        }
    }

    @Test("The retention rule, off by default, anonymises workers inactive for the configured years and spares those with an open case")
    func retention() async throws {
        let clock = TestClock(Date())
        try await withHuzhu(clock: clock) { app, _ in
            _ = try await worker(app)
            #expect(try await WorkerRetention.run(app) == 0)  // off
            app.retentionYears = 2
            #expect(try await WorkerRetention.run(app) == 0)  // nobody is two years idle yet
            clock.advance(3 * 366 * 24 * 3600)
            let inOpenCases = try await CaseWorker.query(on: app.db).all().map(\.workerID)
            let openCaseWorkers = try await Worker.query(on: app.db).filter(\.$id ~~ inOpenCases).count()
            let all = try await Worker.query(on: app.db).filter(\.$mergedInto == nil).count()
            let erased = try await WorkerRetention.run(app)
            #expect(erased == all - openCaseWorkers && erased > 0)
            #expect(try await Worker.query(on: app.db).filter(\.$id ~~ inOpenCases).filter(\.$erasedAt == nil).count() == openCaseWorkers)
            #expect(try await WorkerRetention.run(app) == 0)  // once only
            #expect(try await AuditEvent.query(on: app.db).filter(\.$actorLogin == "retention").count() == erased)
        }
    }
}
