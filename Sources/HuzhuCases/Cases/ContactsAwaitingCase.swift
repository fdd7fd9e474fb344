import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import SQLKit

/// Contacts whose outcome was "case needed" stay in their office's queue until a case is opened from
/// them (or they are linked to one) or someone who works the office's cases decides, with a reason,
/// that no case will be opened.
enum ContactsAwaitingCase {
    /// The waiting contacts one may act on (an office's, or an NGO's), longest waiting first.
    static func of(_ visible: Visibility, limit: Int = 50, on db: any Database) async throws -> [Contact] {
        let condition: SQLQueryString
        switch visible {
        case .office(_, let office): condition = "c.office_id = \(bind: office)"
        case .ngo(let ngo): condition = "c.ngo_id = \(bind: ngo)"
        case .network, .nothing: return []
        }
        let ids = try await waiting(condition, limit: limit, on: db)
        guard !ids.isEmpty else { return [] }
        return try await Contact.query(on: db).filter(\.$id ~~ ids).sort(\.$startedAt).all()
    }

    static func isWaiting(_ contact: Contact, on db: any Database) async throws -> Bool {
        try await !waiting("c.id = \(bind: contact.requireID())", limit: 1, on: db).isEmpty
    }

    private static func waiting(_ condition: SQLQueryString, limit: Int, on db: any Database) async throws -> [UUID] {
        try await db.sql.raw("""
            SELECT c.id FROM contacts c
            WHERE \(condition) AND c.outcome = \(bind: Contact.Outcome.caseToOpen.rawValue) AND c.no_case_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.contact_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.kind = \(bind: CaseEvent.Kind.contact.rawValue) AND e.ref_id = c.id)
            ORDER BY c.started_at LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
    }
}

/// The decision that no case will be opened from a contact that needed one, and why.
struct DecideNoCase: Sendable {
    var contactID: UUID
    var reason = ""
}

extension AuditAction {
    static let decideNoCase = AuditAction("casework.contact.no_case")
}

extension Cases {
    static func decideNoCase(_ command: DecideNoCase, in work: WorkContext) async throws {
        guard let contact = try await Contact.query(on: work.db).filter(\.$id == command.contactID).first(),
              work.may(.workCases, in: .office(ngo: contact.ngoID, office: contact.officeID))
        else { throw HuzhuAbort.notFound }
        var errors = ValidationErrors()
        let reason = errors.check { () throws(FieldError) in try CaseInput.text(command.reason, field: "reason", max: 1000) }
        if errors.isEmpty, try await !ContactsAwaitingCase.isWaiting(contact, on: work.db) {
            errors.add("reason", "error.contact_not_awaiting_case")
        }
        try errors.throwIfAny()
        let sealed = try work.cipher.seal(reason!)
        try await work.write { work in
            contact.noCaseAt = work.now
            contact.noCaseBy = work.actor.userID
            contact.noCaseReasonCipher = sealed
            try await contact.save(on: work.db)
            try await work.audit(.decideNoCase, recordType: "contact", recordID: contact.id, ngoID: contact.ngoID)
        }
    }
}
