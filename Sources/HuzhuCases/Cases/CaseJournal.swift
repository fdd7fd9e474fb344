import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Writes what happened to a case: its timeline line and its audit row, on the change's transaction,
/// so the change, its line and its record stand or fall together. The line has the words; the audit
/// row only the ids.
struct CaseJournal {
    /// The work's context, on the change's transaction.
    let work: WorkContext
    let `case`: Case

    var db: any Database { work.db }

    func record(_ kind: CaseEvent.Kind, _ text: String, ref: UUID? = nil, status: CaseStatus? = nil,
                closingCode: ClosingCode? = nil, on date: CalendarDate? = nil, legalEvent: LegalEvent? = nil,
                audit action: AuditAction, recordType: String = "case", recordID: UUID? = nil) async throws {
        let now = work.now
        let event = CaseEvent()
        event.ngoID = `case`.ngoID
        event.caseID = try `case`.requireID()
        event.kind = kind
        event.occurredAt = now
        event.actorID = work.actor.userID
        event.textCipher = try work.cipher.seal(String(text.prefix(4000)))
        event.refID = ref
        event.status = status
        event.closingCode = closingCode
        event.effectiveOn = date
        event.legalEvent = legalEvent
        try await event.create(on: db)
        `case`.updatedAt = now
        try await `case`.save(on: db)
        try await work.audit(action, recordType: recordType, recordID: recordID ?? `case`.id, ngoID: `case`.ngoID,
                             detail: recordType == "case" ? nil : .record("case", try `case`.requireID()))
    }

    /// Runs `body` in a transaction with a journal for the case.
    static func change<T>(_ found: Case, in work: WorkContext,
                          _ body: @escaping @Sendable (CaseJournal) async throws -> T) async throws -> T where T: Sendable {
        try await work.write { work in try await body(CaseJournal(work: work, case: found)) }
    }

    /// Runs `body` in a transaction with a journal for the case, for the request's signed-in person.
    static func change<T>(_ found: Case, by request: Request,
                          _ body: @escaping @Sendable (CaseJournal) async throws -> T) async throws -> T where T: Sendable {
        try await change(found, in: try request.workContext(), body)
    }
}
