import Fluent
import Foundation
import HuzhuApp
import HuzhuCore
@testable import HuzhuCases
@testable import HuzhuGenerate
@testable import HuzhuIndicators
@testable import HuzhuIntake
@testable import HuzhuOrg
@testable import HuzhuEnterprise
import HuzhuPlatform
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("The synthetic-data generator")
struct GenerateTests {
    static let preset = Preset(workers: 300, contacts: 1_000, cases: 60, ngos: 2)

    /// Generates into a fresh database (no demo data) and hands over the generated workers' names in order.
    func generated(seed: UInt64, _ check: (Application, [String]) async throws -> Void) async throws {
        try await TestDatabase.run(configure: { app, configuration in try configure(app, configuration) }) { app in
            let counts = try await NetworkGenerator(app: app, preset: Self.preset, seed: seed) { _ in }.run()
            #expect(counts["workers"] == 300 && counts["contacts"] == 1_000 && counts["cases"] == 60)
            let names = try await Worker.query(on: app.db).sort(\.$createdAt).all().map { try $0.openName(app.fieldCipher) }
            try await check(app, names)
        }
    }

    @Test("The same seed gives the same network; the data is usable by the pages, the lookup and the indicators")
    func reproducibleAndUsable() async throws {
        var first: [String] = []
        try await generated(seed: 3) { app, names in
            first = names
            #expect(try await Contact.query(on: app.db).count() == 1_000)
            #expect(try await CaseWorker.query(on: app.db).count() >= 60)
            // A generated phone is found by the lookup the hotline uses.
            let phone = try #require(try await WorkerPhone.query(on: app.db).first())
            let number = try app.fieldCipher.open(phone.cipher)
            let found = try await WorkerStore(db: app.db, cipher: app.fieldCipher)
                .workers(withPhone: try PhoneNumber(number), ngoID: phone.ngoID)
            #expect(found.map(\.id) == [phone.workerID])
            let network = try await IndicatorEngine(db: app.db, sources: app.indicatorSources).compute(.year(2025), scope: .network)
            #expect(network[.hotlineCalls] > 0 && network[.casesAccepted] > 0 && network[.amountRecoveredFen] > 0)
            // Numbering continues after the generated records.
            let office = try #require(try await HuzhuOrg.Office.query(on: app.db).first())
            let next = try await OfficeCounter.next(office: office.id!, series: "contact-2024", on: app.db)
            #expect(try await Contact.query(on: app.db).filter(\.$number == "\(office.code)-2024-C\(String(format: "%06d", next))").count() == 0)
            let browser = Browser(app: app)
            let login = try await HuzhuOrg.User.query(on: app.db).filter(\.$role == .caseworker).first()!.login
            try await browser.login(login)
            #expect(try await browser.get("/contacts").status == .ok)
            let someCase = try #require(try await Case.query(on: app.db).filter(\.$officeID == (try await HuzhuOrg.User.query(on: app.db)
                .filter(\.$login == login).first()!.officeID!)).first())
            #expect(try await browser.get("/cases/\(someCase.id!)").status == .ok)
            // The enterprise hotline: each office's partner factories and feedback at every stage, readable.
            #expect(try await Feedback.query(on: app.db).count() == 20)
            #expect(Set(try await Feedback.query(on: app.db).all().map(\.status)).count > 2)
            let supervisor = try await HuzhuOrg.User.query(on: app.db).filter(\.$role == .officeSupervisor).first()!
            let held = try await Partnership.query(on: app.db).filter(\.$officeID == supervisor.officeID).all().compactMap(\.id)
            let feedback = try #require(try await Feedback.query(on: app.db).filter(\.$partnershipID ~~ held).first())
            try await browser.login(supervisor.login)
            #expect(try await browser.get("/feedback/\(feedback.id!)").text.contains("车间加班太多"))
        }
        try await generated(seed: 3) { _, names in #expect(names == first) }
        try await generated(seed: 4) { _, names in #expect(names != first) }
    }
}
