import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// A claim as typed: which worker, which head, how much (in yuan, `1234.50`).
struct ClaimInput: Content {
    var worker: String?
    var head: String?
    var claimed: String?
    var note: String?
}

/// An agreed amount as typed, for one claim.
struct AgreementInput: Content {
    /// The claim whose agreed amount this is (named apart from a payment's `claim`: both forms share a page).
    var agreed_claim: String?
    var agreed: String?
    var source: String?
    var agreed_on: String?
}

/// A payment received, as typed, for one claim.
struct PaymentInput: Content {
    var claim: String?
    var paid_on: String?
    var amount: String?
    var payer: String?
    var method: String?
    var evidence: String?
}

/// Writes the recovery ledger: claims, what was agreed for them, and payments actually received.
/// The totals are never written; they are derived from these rows (`Ledger`).
enum LedgerEntry {
    static func claim(_ access: CaseAccess, _ input: ClaimInput, request: Request) async throws {
        let found = access.case
        var errors = ValidationErrors()
        let workerID = input.worker.flatMap { UUID(uuidString: $0) }
        if workerID == nil { errors.add("worker", "error.required") }
        let head = input.head.flatMap(ClaimHead.init(rawValue:))
        if head == nil { errors.add("head", "error.choice_invalid") }
        let amount = errors.check { () throws(FieldError) in try Money(yuan: input.claimed ?? "", field: "claimed") }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > 2000 { errors.add("note", "error.text_too_long") }
        try errors.throwIfAny()
        let caseID = try found.requireID()
        guard try await CaseWorker.query(on: request.db).filter(\.$caseID == caseID).filter(\.$workerID == workerID!)
            .first() != nil else { throw ValidationErrors([FieldError("worker", "error.worker_not_on_case")]) }
        let existing = try await Claim.query(on: request.db).filter(\.$caseID == caseID).filter(\.$workerID == workerID!)
            .filter(\.$head == head!).first()
        let now = request.application.clock.now()
        try await CaseJournal.change(found, by: request) { journal in
            let claim = existing ?? Claim()
            if existing == nil {
                claim.ngoID = found.ngoID
                claim.caseID = caseID
                claim.workerID = workerID!
                claim.head = head!
                claim.createdAt = now
            }
            claim.claimedFen = amount!.fen
            claim.note = note
            try await claim.save(on: journal.db)
            try await journal.record(.claim, "\(head!.rawValue) \(amount!.formatted)", ref: claim.id, audit: .recordClaim,
                                     recordType: "claim", recordID: claim.id)
        }
    }

    static func agree(_ access: CaseAccess, _ input: AgreementInput, request: Request) async throws {
        var errors = ValidationErrors()
        let amount = errors.check { () throws(FieldError) in try Money(yuan: input.agreed ?? "", field: "agreed") }
        let source = input.source.flatMap(AgreementSource.init(rawValue:))
        if source == nil { errors.add("source", "error.choice_invalid") }
        let on = errors.check { () throws(FieldError) in
            try CaseInput.requiredPastDate(input.agreed_on, field: "agreed_on", today: request.today)
        }
        try errors.throwIfAny()
        let claim = try await findClaim(input.agreed_claim, field: "agreed_claim", of: access.case, request: request)
        try await CaseJournal.change(access.case, by: request) { journal in
            claim.agreedFen = amount!.fen
            claim.agreedSource = source
            claim.agreedOn = on!
            try await claim.save(on: journal.db)
            try await journal.record(.agreement, "\(claim.head.rawValue) \(amount!.formatted)",
                                     ref: claim.id, on: on, audit: .recordClaim, recordType: "claim", recordID: claim.id)
        }
    }

    @discardableResult
    static func pay(_ access: CaseAccess, _ input: PaymentInput, request: Request) async throws -> Payment {
        let found = access.case
        var errors = ValidationErrors()
        let amount = errors.check { () throws(FieldError) in try Money(yuan: input.amount ?? "", field: "amount") }
        let on = errors.check { () throws(FieldError) in
            try CaseInput.requiredPastDate(input.paid_on, field: "paid_on", today: request.today)
        }
        let payer = errors.check { () throws(FieldError) in try CaseInput.text(input.payer, field: "payer", max: 200) }
        let method = input.method.flatMap(Payment.Method.init(rawValue:))
        if method == nil { errors.add("method", "error.choice_invalid") }
        try errors.throwIfAny()
        let claim = try await findClaim(input.claim, field: "claim", of: found, request: request)
        var evidenceID: UUID?
        if let raw = input.evidence, !raw.isEmpty {
            guard let id = UUID(uuidString: raw), try await EvidenceFile.query(on: request.db).filter(\.$id == id)
                .filter(\.$caseID == found.requireID()).first() != nil
            else { throw ValidationErrors([FieldError("evidence", "error.choice_invalid")]) }
            evidenceID = id
        }
        let now = request.application.clock.now()
        let actor = try request.requireActor()
        let evidence = evidenceID
        return try await CaseJournal.change(found, by: request) { journal in
            let payment = Payment()
            payment.ngoID = found.ngoID
            payment.caseID = try found.requireID()
            payment.claimID = try claim.requireID()
            payment.workerID = claim.workerID
            payment.paidOn = on!
            payment.amountFen = amount!.fen
            payment.payer = payer!
            payment.method = method!
            payment.evidenceFileID = evidence
            payment.recordedBy = actor.userID
            payment.recordedAt = now
            try await payment.create(on: journal.db)
            try await journal.record(.payment, "\(claim.head.rawValue) \(amount!.formatted) · \(payer!)", ref: payment.id,
                                     on: on, audit: .recordPayment, recordType: "payment", recordID: payment.id)
            return payment
        }
    }

    private static func findClaim(_ raw: String?, field: String, of found: Case, request: Request) async throws -> Claim {
        guard let id = raw.flatMap({ UUID(uuidString: $0) }),
              let claim = try await Claim.query(on: request.db).filter(\.$id == id)
                  .filter(\.$caseID == found.requireID()).first()
        else { throw ValidationErrors([FieldError(field, "error.choice_invalid")]) }
        return claim
    }
}
