import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A claim to add to a case, or to change: one worker on the case, one head, the amount claimed.
struct AddClaim: Sendable {
    var workerID: UUID?
    var head: ClaimHead?
    var claimed: Money?
    var note = ""
    /// What the edge could not read as its type, reported in its field's place.
    var unread = ValidationErrors()
}

/// What was agreed for one claim, by what, and when.
struct AgreeClaim: Sendable {
    var claimID: UUID?
    var agreed: Money?
    var source: AgreementSource?
    var agreedOn: CalendarDate?
    var unread = ValidationErrors()
}

/// Money received for one claim.
struct RecordPayment: Sendable {
    var claimID: UUID?
    var paidOn: CalendarDate?
    var amount: Money?
    var payer = ""
    var method: Payment.Method?
    /// A file of the case that proves it (a bank slip).
    var evidenceID: UUID?
    /// The person recording it confirmed an amount beyond what the claim still owes (an employer may pay
    /// interest); without it such an amount is refused as a likely typing error.
    var confirmsExcess = false
    var unread = ValidationErrors()
}

/// The recovery ledger's commands: claims, what was agreed for them, and payments actually received.
/// The totals are never written; they are derived from these rows (`Ledger`). Each runs on a case the
/// caller may work (`CaseAccess`), in the work's context.
extension Cases {
    static func addClaim(_ command: AddClaim, to found: Case, in work: WorkContext) async throws {
        var errors = ValidationErrors()
        if command.workerID == nil { errors.add("worker", "error.required") }
        if command.head == nil { errors.add("head", "error.choice_invalid") }
        if !errors.carry("claimed", from: command.unread) && command.claimed == nil { errors.add("claimed", "error.required") }
        let note = command.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 2000 { errors.add("note", "error.text_too_long") }
        try errors.throwIfAny()
        let (workerID, head, amount) = (command.workerID!, command.head!, command.claimed!)
        let caseID = try found.requireID()
        guard try await CaseWorker.query(on: work.db).filter(\.$caseID == caseID).filter(\.$workerID == workerID).first() != nil
        else { throw ValidationErrors([FieldError("worker", "error.worker_not_on_case")]) }
        let existing = try await Claim.query(on: work.db).filter(\.$caseID == caseID).filter(\.$workerID == workerID)
            .filter(\.$head == head).first()
        let now = work.now
        try await CaseJournal.change(found, in: work) { journal in
            let claim = existing ?? Claim()
            if existing == nil {
                claim.ngoID = found.ngoID
                claim.caseID = caseID
                claim.workerID = workerID
                claim.head = head
                claim.createdAt = now
            }
            claim.claimedFen = amount.fen
            claim.note = note
            try await claim.save(on: journal.db)
            try await journal.record(.claim, "\(head.rawValue) \(amount.formatted)", ref: claim.id, audit: .recordClaim,
                                     recordType: "claim", recordID: claim.id)
        }
    }

    static func agree(_ command: AgreeClaim, on found: Case, in work: WorkContext) async throws {
        var errors = ValidationErrors()
        if !errors.carry("agreed", from: command.unread) && command.agreed == nil { errors.add("agreed", "error.required") }
        if command.source == nil { errors.add("source", "error.choice_invalid") }
        if !errors.carry("agreed_on", from: command.unread) { errors.checkPast(command.agreedOn, field: "agreed_on", today: work.today) }
        try errors.throwIfAny()
        let (amount, on) = (command.agreed!, command.agreedOn!)
        let claim = try await findClaim(command.claimID, field: "agreed_claim", of: found, on: work.db)
        try await CaseJournal.change(found, in: work) { journal in
            claim.agreedFen = amount.fen
            claim.agreedSource = command.source
            claim.agreedOn = on
            try await claim.save(on: journal.db)
            try await journal.record(.agreement, "\(claim.head.rawValue) \(amount.formatted)",
                                     ref: claim.id, on: on, audit: .recordClaim, recordType: "claim", recordID: claim.id)
        }
    }

    @discardableResult
    static func pay(_ command: RecordPayment, on found: Case, in work: WorkContext) async throws -> Payment {
        var errors = ValidationErrors()
        if !errors.carry("amount", from: command.unread) && command.amount == nil { errors.add("amount", "error.required") }
        if !errors.carry("paid_on", from: command.unread) { errors.checkPast(command.paidOn, field: "paid_on", today: work.today) }
        let payer = errors.check { () throws(FieldError) in try CaseInput.text(command.payer, field: "payer", max: 200) }
        if command.method == nil { errors.add("method", "error.choice_invalid") }
        errors.carry("evidence", from: command.unread)
        try errors.throwIfAny()
        let (amount, on, method) = (command.amount!, command.paidOn!, command.method!)
        let claim = try await findClaim(command.claimID, field: "claim", of: found, on: work.db)
        if let id = command.evidenceID, try await EvidenceFile.query(on: work.db).filter(\.$id == id)
            .filter(\.$caseID == found.requireID()).first() == nil {
            throw ValidationErrors([FieldError("evidence", "error.choice_invalid")])
        }
        try await checkExcess(amount, on: claim, field: "amount", confirmed: command.confirmsExcess, on: work.db)
        return try await CaseJournal.change(found, in: work) { journal in
            let payment = Payment()
            payment.paidOn = on
            payment.amountFen = amount.fen
            payment.payer = payer!
            payment.method = method
            payment.evidenceFileID = command.evidenceID
            try await journal.enter(payment, for: claim, audit: .recordPayment,
                                    text: "\(claim.head.rawValue) \(amount.formatted) · \(payer!)")
            return payment
        }
    }

    /// Refuses, unless confirmed, an amount beyond what the claim still owes: its agreed amount (or, not
    /// yet agreed, its claimed amount) less what was paid on it so far, net of reversals.
    static func checkExcess(_ amount: Money, on claim: Claim, field: String, confirmed: Bool, on db: any Database) async throws {
        guard !confirmed, amount.fen > 0 else { return }
        // Summed here, not by SQL SUM: PostgreSQL's SUM of a bigint is a numeric, which Fluent does not read as Int64.
        let paid = try await Payment.query(on: db).filter(\.$claimID == claim.requireID()).all(\.$amountFen).reduce(0, +)
        if amount.fen > (claim.agreedFen ?? claim.claimedFen) - paid {
            throw ValidationErrors([FieldError(field, "error.payment_exceeds_outstanding")])
        }
    }

    static func findClaim(_ id: UUID?, field: String, of found: Case, on db: any Database) async throws -> Claim {
        guard let id, let claim = try await Claim.query(on: db).filter(\.$id == id).filter(\.$caseID == found.requireID()).first()
        else { throw ValidationErrors([FieldError(field, "error.choice_invalid")]) }
        return claim
    }
}

extension ValidationErrors {
    /// A required date that already happened (`CaseInput.requiredPastDate`'s rule, for a typed date).
    mutating func checkPast(_ date: CalendarDate?, field: String, today: CalendarDate) {
        guard let date else { return add(field, "error.required") }
        if date > today { add(field, "error.date_in_future") }
    }
}
