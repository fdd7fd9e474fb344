import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// A note or a call as typed on the case page.
struct NoteInput: Content {
    var note_kind: String?
    var text: String?

    var command: AddNote {
        let kind: CaseEvent.Kind? = switch note_kind ?? "note" {
        case "note": .note
        case "call": .call
        default: nil
        }
        return AddNote(kind: kind, text: text ?? "")
    }
}

/// A line written on a case's timeline by hand: a note, or a call made or taken.
struct AddNote: Sendable {
    /// `.note` or `.call`; nil when not one of them.
    var kind: CaseEvent.Kind?
    var text: String
}

/// A legal event on a day: an interruption of the limitation period, an application.
struct RecordLegalEvent: Sendable {
    var event: LegalEvent?
    var on: CalendarDate?
    var unread = ValidationErrors()
}

/// What is written on a case's timeline by hand: notes and calls, legal events, and hotline contacts
/// linked to it; and the people assigned to it.
extension Cases {
    static func note(_ command: AddNote, on found: Case, in work: WorkContext) async throws {
        var errors = ValidationErrors()
        if command.kind == nil || ![.note, .call].contains(command.kind!) { errors.add("note_kind", "error.choice_invalid") }
        let text = errors.check { () throws(FieldError) in try CaseInput.text(command.text, field: "text", max: 4000) }
        try errors.throwIfAny()
        guard let kind = command.kind, let text else { throw errors }
        try await CaseJournal.change(found, in: work) { journal in try await journal.record(kind, text, audit: .updateCase) }
    }

    static func recordLegalEvent(_ command: RecordLegalEvent, on found: Case, in work: WorkContext) async throws {
        var errors = ValidationErrors()
        if command.event == nil { errors.add("legal_event", "error.choice_invalid") }
        if !errors.carry("event_on", from: command.unread) { errors.checkPast(command.on, field: "event_on", today: work.today) }
        try errors.throwIfAny()
        guard let event = command.event, let on = command.on else { throw errors }
        try await CaseJournal.change(found, in: work) { journal in
            try await journal.record(.legal, work.t("legal_event.\(event.rawValue)"), on: on, legalEvent: event, audit: .recordLegalEvent)
        }
    }

    /// Assigns a person of the case's NGO: a volunteer lawyer, or a supervisor or caseworker of its office;
    /// refused, with the reason, when one of `conflicts` finds their firm acts for a respondent.
    static func assign(_ userID: UUID?, to found: Case, conflicts: [AssignmentConflictCheck] = [], in work: WorkContext) async throws {
        guard let userID, let user = try await User.query(on: work.db).filter(\.$id == userID).filter(\.$ngoID == found.ngoID)
                  .filter(\.$active == true).first(),
              user.role == .volunteerLawyer || ([.officeSupervisor, .caseworker].contains(user.role) && user.officeID == found.officeID)
        else { throw ValidationErrors([FieldError("assignee", "error.choice_invalid")]) }
        if !conflicts.isEmpty {
            let respondents = try await CaseRespondent.query(on: work.db).filter(\.$caseID == found.requireID()).all().map(\.employerID)
            let names = respondents.isEmpty ? [] : try await Employer.query(on: work.db).filter(\.$id ~~ respondents).all().map(\.name)
            for check in conflicts {
                if let employer = try await check(userID, names, work.db) {
                    throw HuzhuAbort(.unprocessableEntity, "error.firm_acts_for", employer)
                }
            }
        }
        try await CaseJournal.change(found, in: work) { journal in
            try await CaseRoster(journal: journal).assign(userID: userID, name: user.displayName)
        }
    }

    /// Links a contact of the case's NGO, by its number, that the actor may read (its worker joins the case).
    static func link(contactNumber raw: String?, to found: Case, in work: WorkContext) async throws {
        let number = (raw ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard !number.isEmpty else { throw ValidationErrors([FieldError("contact_number", "error.required")]) }
        guard let contact = try await Contact.query(on: work.db).filter(\.$ngoID == found.ngoID)
            .filter(\.$number == number).first(), contact.isReadable(by: work.actor, under: work.policy)
        else { throw ValidationErrors([FieldError("contact_number", "error.not_found")]) }
        let caseID = try found.requireID()
        let contactID = try contact.requireID()
        let already = try await CaseEvent.query(on: work.db).filter(\.$caseID == caseID).filter(\.$kind == .contact)
            .filter(\.$refID == contactID).first()
        guard already == nil else { return }
        try await CaseJournal.change(found, in: work) { journal in
            try await journal.record(.contact, "\(contact.number) \(try contact.openSummary(work.cipher))", ref: contact.id, audit: .updateCase)
            if let worker = contact.workerID { try await CaseRoster(journal: journal).add(workerIDs: [worker]) }
        }
    }
}
