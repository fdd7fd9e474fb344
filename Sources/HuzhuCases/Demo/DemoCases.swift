import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// The demo's casework in Beijing: a construction site's contracting chain, and a collective wage
/// case opened from the hotline's second call about it, with three workers, their claims, one agreed
/// amount and one payment. The volunteer lawyer is assigned and has yet to confirm no conflict of interest.
enum DemoCases {
    static func loadIfEmpty(into app: Application) async throws -> [String] {
        let db = app.db
        guard try await Case.query(on: db).count() == 0,
              let office = try await Office.query(on: db).filter(\.$code == "BJ").first(),
              let caseworker = try await User.query(on: db).filter(\.$login == "caseworker").first(),
              let lawyer = try await User.query(on: db).filter(\.$login == "lawyer").first(),
              let contact = try await Contact.query(on: db).filter(\.$officeID == office.id!).all()
                  .first(where: { (try? $0.openSummary(app.fieldCipher))?.contains("十几个工友") == true })
        else { return [] }
        let contactSummary = try contact.openSummary(app.fieldCipher)
        let now = app.clock.now()
        let today = CalendarDate(now)
        let ngoID = office.ngoID
        try await db.write { db in
            func employer(_ name: String, code: String? = nil, city: String = "北京") async throws -> Employer {
                let record = Employer()
                record.ngoID = ngoID
                record.name = name
                record.creditCode = code
                record.city = city
                record.createdAt = now
                try await record.create(on: db)
                return record
            }
            let developer = try await employer("华盛置业有限公司（演示）", code: CreditCode.completing("91110105MA01ABCD2"))
            let general = try await employer("北方建工集团有限公司（演示）", code: CreditCode.completing("91110000700012345"))
            let labour = try await employer("京源劳务分包有限公司（演示）")
            let foreman = try await employer("包工头周某（演示）")
            for (upper, lower) in [(developer, general), (general, labour), (labour, foreman)] {
                let link = EmployerLink()
                link.ngoID = ngoID
                link.upperID = upper.id!
                link.lowerID = lower.id!
                link.kind = .contracts
                try await link.create(on: db)
            }

            let found = Case()
            found.ngoID = ngoID
            found.officeID = office.id!
            let serial = try await OfficeCounter.next(office: office.id!, series: "case-\(today.year)", on: db)
            found.number = "BJ-\(today.year)-\(String(format: "%05d", serial))"
            found.titleCipher = try app.fieldCipher.seal("朝阳区工地集体欠薪")
            found.summaryCipher = try app.fieldCipher.seal(contactSummary)
            found.status = .negotiation
            found.disputeTypes = [.wageArrears]
            found.contactID = contact.id
            found.employmentStart = CalendarDate(year: 2026, month: 3, day: 1)
            found.employmentEnd = CalendarDate(year: 2026, month: 6, day: 30)
            found.lastPayday = CalendarDate(year: 2026, month: 2, day: 28)
            found.knewOn = CalendarDate(year: 2026, month: 7, day: 15)
            found.nextActionOn = today.adding(days: 7)
            found.openedOn = today
            found.openedBy = caseworker.id!
            found.createdAt = now
            found.updatedAt = now
            try await found.create(on: db)
            try await CaseTitle.index(found, title: "朝阳区工地集体欠薪", app.fieldCipher, on: db)

            let enrolment = WorkerEnrolment(db: db, cipher: app.fieldCipher)
            var workers: [Worker] = []
            if let first = contact.workerID, let worker = try await Worker.find(first, on: db) { workers.append(worker) }
            for (name, phone) in [("王大山", "13900000011"), ("赵铁柱", "13900000012")] {
                workers.append(try await enrolment.enrol(name: name, phone: try PhoneNumber(phone), ngoID: ngoID,
                                                         officeID: office.id!, by: caseworker.id!, now: now).worker)
            }
            for (index, worker) in workers.enumerated() {
                let link = CaseWorker()
                link.ngoID = ngoID
                link.caseID = found.id!
                link.workerID = worker.id!
                link.addedAt = now
                try await link.create(on: db)
                let claim = Claim()
                claim.ngoID = ngoID
                claim.caseID = found.id!
                claim.workerID = worker.id!
                claim.head = .unpaidWages
                claim.claimedFen = [2_800_000, 2_400_000, 2_600_000][index]
                claim.agreedFen = index == 0 ? 2_800_000 : nil
                claim.agreedSource = index == 0 ? .settlement : nil
                claim.agreedOn = index == 0 ? today : nil
                claim.note = ""
                claim.createdAt = now
                try await claim.create(on: db)
                if index == 0 {
                    let payment = Payment()
                    payment.ngoID = ngoID
                    payment.caseID = found.id!
                    payment.claimID = claim.id!
                    payment.workerID = worker.id!
                    payment.paidOn = today
                    payment.amountFen = 1_000_000
                    payment.payer = general.name
                    payment.method = .bankTransfer
                    payment.recordedBy = caseworker.id!
                    payment.recordedAt = now
                    try await payment.create(on: db)
                }
            }
            for (employer, role) in [(general, ChainRole.generalContractor), (foreman, .labourContractor)] {
                let link = CaseRespondent()
                link.ngoID = ngoID
                link.caseID = found.id!
                link.employerID = employer.id!
                link.role = role
                try await link.create(on: db)
            }
            for user in [caseworker, lawyer] {
                let assignee = CaseAssignee()
                assignee.ngoID = ngoID
                assignee.caseID = found.id!
                assignee.userID = user.id!
                assignee.assignedAt = now
                try await assignee.create(on: db)
            }
            for (kind, text) in [(CaseEvent.Kind.opened, "朝阳区工地集体欠薪"), (.contact, "\(contact.number) \(contactSummary)"),
                                 (.status, "总包单位同意协商"), (.payment, "unpaid_wages ¥10,000.00 · \(general.name)")] {
                let event = CaseEvent()
                event.ngoID = ngoID
                event.caseID = found.id!
                event.kind = kind
                event.occurredAt = now
                event.actorID = caseworker.id!
                event.textCipher = try app.fieldCipher.seal(text)
                event.refID = kind == .contact ? contact.id : nil
                event.status = kind == .status ? .negotiation : nil
                try await event.create(on: db)
            }
            let committee = MediationCommittee()
            committee.id = office.id
            committee.ngoID = ngoID
            committee.name = "小小鸟人民调解委员会（演示）"
            committee.authorisedBy = "海淀区司法局（演示）"
            committee.authorisedOn = CalendarDate(year: 2025, month: 6, day: 1)
            try await committee.create(on: db)
            for user in [caseworker, try await User.query(on: db).filter(\.$login == "supervisor").first()].compactMap({ $0 }) {
                let mediator = Mediator()
                mediator.ngoID = ngoID
                mediator.officeID = office.id!
                mediator.userID = user.id!
                mediator.appointedOn = CalendarDate(year: 2025, month: 6, day: 1)!
                try await mediator.create(on: db)
            }
            try await AuditEvent.record(.openCase, by: .console, at: now, recordType: "case", recordID: found.id,
                                        ngoID: ngoID, detail: AuditDetail("demo"), on: db)
        }
        return ["演示个案 / Demo case: 朝阳区工地集体欠薪 (caseworker; lawyer 需先确认无利益冲突 / must first confirm no conflict)"]
    }
}
