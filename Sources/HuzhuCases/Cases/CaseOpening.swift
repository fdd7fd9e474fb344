import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// Opens a case in an office: its number, its facts, the contact it came from (with that contact's
/// worker), the roster of workers, the first respondent, and the opener as its first assignee.
enum CaseOpening {
    static func open(_ facts: CaseFacts, respondent: (name: String, role: ChainRole)?, roster: [RosterLine],
                     contact: Contact?, office: Office, by actor: Actor, request: Request) async throws -> Case {
        let now = request.application.clock.now()
        let today = CalendarDate(now)
        return try await request.db.write { db in
            let opened = Case()
            opened.ngoID = office.ngoID
            opened.officeID = try office.requireID()
            let serial = try await OfficeCounter.next(office: opened.officeID, series: "case-\(today.year)", on: db)
            opened.number = "\(office.code)-\(today.year)-\(String(format: "%05d", serial))"
            try facts.apply(to: opened, cipher: request.application.fieldCipher)
            opened.status = .intake
            opened.contactID = contact?.id
            opened.openedOn = today
            opened.openedBy = actor.userID
            opened.createdAt = now
            opened.updatedAt = now
            try await opened.create(on: db)
            try await CaseTitle.index(opened, title: facts.title, request.application.fieldCipher, on: db)
            let journal = CaseJournal(request: request, db: db, case: opened)
            try await journal.record(.opened, facts.title, audit: .openCase)
            if let contact {
                try await journal.record(.contact, "\(contact.number) \(try contact.openSummary(request.application.fieldCipher))", ref: contact.id, audit: .updateCase)
            }
            let people = CaseRoster(journal: journal)
            if let worker = contact?.workerID { try await people.add(workerIDs: [worker]) }
            try await people.enrol(roster)
            if let respondent { try await people.addRespondent(named: respondent.name, role: respondent.role) }
            try await people.assign(userID: actor.userID, name: actor.displayName)
            return opened
        }
    }
}
