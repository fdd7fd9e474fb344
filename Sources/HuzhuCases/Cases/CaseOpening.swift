import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform

/// A case to open: what the case form and `POST /api/v1/cases` both read (`CaseDraft.openCase`), in
/// real types. `Cases.open` runs it.
struct OpenCase: Sendable {
    var facts: CaseFacts
    /// The contact the case comes from; its worker joins the case.
    var contactID: UUID?
    var respondent: Respondent?
    var roster: [RosterLine]

    struct Respondent: Sendable {
        var name: String
        var role: ChainRole
    }
}

/// Casework's commands: each takes its command value and the work's context, never a request, so the
/// pages, the API and the tests run the same code.
enum Cases {
    /// Opens a case in the actor's office: its number, its facts, the contact it came from (with that
    /// contact's worker), the roster of workers, the first respondent, and the opener as its first
    /// assignee; every step a timeline line and an audit row, in one transaction.
    static func open(_ command: OpenCase, in work: WorkContext) async throws -> Case {
        let (_, officeID) = try work.ownOffice(.workCases)
        guard let office = try await Office.find(officeID, on: work.db) else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        var contact: Contact?
        if let id = command.contactID {
            contact = try await Contact.query(on: work.db).filter(\.$id == id).visible(Policy.tenant(of: work.actor)).first()
            guard let found = contact, found.isReadable(by: work.actor, under: work.policy) else {
                throw ValidationErrors([FieldError("contact", "error.not_found")])
            }
        }
        let source = contact
        return try await work.write { work in
            let today = work.today
            let opened = Case()
            opened.ngoID = office.ngoID
            opened.officeID = officeID
            let serial = try await OfficeCounter.next(office: officeID, series: "case-\(today.year)", on: work.db)
            opened.number = "\(office.code)-\(today.year)-\(String(format: "%05d", serial))"
            try command.facts.apply(to: opened, cipher: work.cipher)
            opened.status = .intake
            opened.contactID = source?.id
            opened.openedOn = today
            opened.openedBy = work.actor.userID
            opened.createdAt = work.now
            opened.updatedAt = work.now
            try await opened.create(on: work.db)
            try await CaseTitle.index(opened, title: command.facts.title, work.cipher, on: work.db)
            let journal = CaseJournal(work: work, case: opened)
            try await journal.record(.opened, command.facts.title, audit: .openCase)
            if let source {
                try await journal.record(.contact, "\(source.number) \(try source.openSummary(work.cipher))", ref: source.id, audit: .updateCase)
            }
            let people = CaseRoster(journal: journal)
            if let worker = source?.workerID { try await people.add(workerIDs: [worker]) }
            try await people.enrol(command.roster)
            if let respondent = command.respondent { try await people.addRespondent(named: respondent.name, role: respondent.role) }
            try await people.assign(userID: work.actor.userID, name: work.actor.displayName)
            return opened
        }
    }
}
