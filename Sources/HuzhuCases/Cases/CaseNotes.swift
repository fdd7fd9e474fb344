import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Vapor

struct NoteInput: Content {
    var note_kind: String?
    var text: String?
}

/// What is written on a case's timeline by hand: notes and calls, and hotline contacts linked to it.
enum CaseNotes {
    static func add(_ access: CaseAccess, _ input: NoteInput, request: Request) async throws {
        var errors = ValidationErrors()
        let kind: CaseEvent.Kind? = switch input.note_kind ?? "note" {
        case "note": .note
        case "call": .call
        default: nil
        }
        if kind == nil { errors.add("note_kind", "error.choice_invalid") }
        let text = errors.check { () throws(FieldError) in try CaseInput.text(input.text, field: "text", max: 4000) }
        try errors.throwIfAny()
        try await CaseJournal.change(access.case, by: request) { journal in
            try await journal.record(kind!, text!, audit: .updateCase)
        }
    }

    /// Links a contact of the case's NGO, by its number, that the person may read.
    static func link(_ access: CaseAccess, number raw: String?, request: Request) async throws {
        let number = (raw ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard !number.isEmpty else { throw ValidationErrors([FieldError("contact_number", "error.required")]) }
        guard let contact = try await Contact.query(on: request.db).filter(\.$ngoID == access.case.ngoID)
            .filter(\.$number == number).first(), request.mayRead(contact)
        else { throw ValidationErrors([FieldError("contact_number", "error.not_found")]) }
        let caseID = try access.case.requireID()
        let contactID = try contact.requireID()
        let already = try await CaseEvent.query(on: request.db).filter(\.$caseID == caseID).filter(\.$kind == .contact)
            .filter(\.$refID == contactID).first()
        guard already == nil else { return }
        try await CaseJournal.change(access.case, by: request) { journal in
            try await journal.record(.contact, "\(contact.number) \(try contact.openSummary(request.application.fieldCipher))", ref: contact.id, audit: .updateCase)
            if let worker = contact.workerID { try await CaseRoster(journal: journal).add(workerIDs: [worker]) }
        }
    }

    /// Records a legal event with its date (an interruption of the limitation period, an application).
    static func legal(_ access: CaseAccess, kind raw: String?, on rawDate: String?, request: Request) async throws {
        var errors = ValidationErrors()
        let kind = raw.flatMap(LegalEvent.init(rawValue:))
        if kind == nil { errors.add("legal_event", "error.choice_invalid") }
        let date = errors.check { () throws(FieldError) in try CaseInput.requiredPastDate(rawDate, field: "event_on", today: request.today) }
        try errors.throwIfAny()
        try await CaseJournal.change(access.case, by: request) { journal in
            try await journal.record(.legal, request.t("legal_event.\(kind!.rawValue)"), on: date, legalEvent: kind!,
                                     audit: .recordLegalEvent)
        }
    }
}
