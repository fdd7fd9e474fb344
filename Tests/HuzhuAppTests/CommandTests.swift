import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
@testable import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor

/// The features' commands run without HTTP: the same code the pages and the API call.
@Suite("Commands without HTTP")
struct CommandTests {
    @Test("Recording a contact with a new worker, then opening a case from it, with their audit rows")
    func recordThenOpen() async throws {
        try await withHuzhu { app, _ in
            let caseworker = try await app.work(as: "caseworker")
            let topic = try #require(try await Topic.query(on: app.db).filter(\.$code == "wage_arrears").first())
            var contact = RecordContact()
            contact.channel = .hotline
            contact.topicIDs = [try topic.requireID()]
            contact.summary = "工地欠薪三个月"
            contact.outcome = .caseToOpen
            var worker = SaveWorker()
            worker.fullName = "韩梅"
            worker.phones = ["13700001111"]
            contact.subject = .new(worker)
            let before = try await app.auditActions().count
            let recorded = try await Intake.record(contact, in: caseworker)
            #expect(recorded.createdWorker && recorded.contact.channel == .hotline)
            #expect(try await app.auditActions().dropFirst(before) == ["intake.worker.create", "intake.contact.create"])

            var facts = CaseFacts(title: "工地欠薪", summary: "", disputeTypes: [.wageArrears], dates: [:], nextActionOn: nil)
            facts.dates["knew_on"] = CalendarDate(app.clock.now())
            let opened = try await Cases.open(
                OpenCase(facts: facts, contactID: recorded.contact.id, respondent: .init(name: "宏达建筑", role: .subcontractor), roster: []),
                in: caseworker)
            #expect(opened.contactID == recorded.contact.id && opened.status == .intake)
            #expect(try await app.caseWorkers(of: opened) == [recorded.worker!.id!])
            #expect(try await CaseRespondent.query(on: app.db).filter(\.$caseID == opened.id!).count() == 1)
            #expect(try await app.auditActions().contains("casework.case.open"))

            // The ledger and the pipeline, through the same commands the case page and the API run.
            let workerID = try #require(recorded.worker?.id)
            try await Cases.addClaim(AddClaim(workerID: workerID, head: .unpaidWages, claimed: Money(fen: 900_000)), to: opened, in: caseworker)
            let claim = try #require(try await Claim.query(on: app.db).filter(\.$caseID == opened.id!).first())
            let today = CalendarDate(app.clock.now())
            try await Cases.agree(AgreeClaim(claimID: claim.id, agreed: Money(fen: 800_000), source: .settlement, agreedOn: today),
                                  on: opened, in: caseworker)
            try await Cases.pay(RecordPayment(claimID: claim.id, paidOn: today, amount: Money(fen: 300_000), payer: "宏达建筑",
                                              method: .bankTransfer), on: opened, in: caseworker)
            #expect(try await Payment.query(on: app.db).filter(\.$caseID == opened.id!).all().map(\.amountFen) == [300_000])
            #expect(try await Claim.find(claim.id, on: app.db)?.agreedFen == 800_000)
            try await Cases.move(MoveCase(status: .negotiation, movedOn: today, reason: "开始协商"), opened, in: caseworker)
            #expect(try await Case.find(opened.id, on: app.db)?.status == .negotiation)
        }
    }

    @Test("A command checks its rules once and writes nothing when refused; one not allowed is forbidden")
    func refused() async throws {
        try await withHuzhu { app, _ in
            let caseworker = try await app.work(as: "caseworker")
            var contact = RecordContact()
            contact.channel = .visit
            contact.outcome = .callback
            contact.subject = .anonymous(callback: nil)
            let before = try await app.contacts().count
            await #expect(throws: ValidationErrors([FieldError("topics", "error.topics_required"), FieldError("summary", "error.required"),
                                                    FieldError("outcome", "error.callback_needs_phone")])) {
                _ = try await Intake.record(contact, in: caseworker)
            }
            #expect(try await app.contacts().count == before)

            let facts = CaseFacts(title: "x", summary: "", disputeTypes: [.wageArrears], dates: [:], nextActionOn: nil)
            let volunteer = try await app.work(as: "volunteer")
            await #expect(throws: HuzhuAbort.self) {
                _ = try await Cases.open(OpenCase(facts: facts, contactID: nil, respondent: nil, roster: []), in: volunteer)
            }
            await #expect(throws: ValidationErrors([FieldError("contact", "error.not_found")])) {
                _ = try await Cases.open(OpenCase(facts: facts, contactID: UUID(), respondent: nil, roster: []), in: caseworker)
            }
        }
    }
}
