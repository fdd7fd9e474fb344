import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Voids a payment recorded by mistake, or corrects its amount: an entry of minus its amount that
/// names it and says why, and for a correction a new payment of the right amount. Nothing is deleted;
/// the ledger shows both, and every total (the indicators' included) counts the net.
struct ReversePayment: Sendable {
    var paymentID: UUID?
    var reason = ""
    /// The amount that was really received; nil voids the payment.
    var corrected: Money?
    /// See `RecordPayment.confirmsExcess`, for the corrected amount.
    var confirmsExcess = false
    var unread = ValidationErrors()
}

extension AuditAction {
    static let reversePayment = AuditAction("casework.payment.reverse")
}

extension Cases {
    static func reverse(_ command: ReversePayment, on found: Case, in work: WorkContext) async throws {
        var errors = ValidationErrors()
        let reason = errors.check { () throws(FieldError) in try CaseInput.text(command.reason, field: "reversal_reason", max: 500) }
        errors.carry("corrected_amount", from: command.unread)
        try errors.throwIfAny()
        guard let id = command.paymentID,
              let original = try await Payment.query(on: work.db).filter(\.$id == id).filter(\.$caseID == found.requireID())
                .filter(\.$reversesID == nil).first()
        else { throw ValidationErrors([FieldError("payment", "error.choice_invalid")]) }
        if try await Payment.query(on: work.db).filter(\.$reversesID == id).first() != nil {
            throw ValidationErrors([FieldError("payment", "error.payment_already_reversed")])
        }
        let claim = try await findClaim(original.claimID, field: "payment", of: found, on: work.db)
        if let corrected = command.corrected {
            try await checkExcess(Money(fen: corrected.fen - original.amountFen), on: claim, field: "corrected_amount",
                                  confirmed: command.confirmsExcess, on: work.db)
        }
        let sealed = try work.cipher.seal(reason!)
        try await CaseJournal.change(found, in: work) { journal in
            let reversal = Payment()
            reversal.paidOn = original.paidOn
            reversal.amountFen = -original.amountFen
            reversal.payer = original.payer
            reversal.method = original.method
            reversal.reversesID = id
            reversal.reasonCipher = sealed
            try await journal.enter(reversal, for: claim, audit: .reversePayment,
                                    text: "\(claim.head.rawValue) −\(Money(fen: original.amountFen).formatted) · \(reason!)")
            guard let corrected = command.corrected else { return }
            let payment = Payment()
            payment.paidOn = original.paidOn
            payment.amountFen = corrected.fen
            payment.payer = original.payer
            payment.method = original.method
            payment.evidenceFileID = original.evidenceFileID
            try await journal.enter(payment, for: claim, audit: .recordPayment,
                                    text: "\(claim.head.rawValue) \(corrected.formatted) · \(original.payer)")
        }
    }
}

extension CaseJournal {
    /// Saves a payment (or a reversing entry) of `claim` as recorded now by the actor, on the timeline
    /// and in the audit log.
    func enter(_ payment: Payment, for claim: Claim, audit action: AuditAction, text: String) async throws {
        payment.ngoID = `case`.ngoID
        payment.caseID = try `case`.requireID()
        payment.claimID = try claim.requireID()
        payment.workerID = claim.workerID
        payment.recordedBy = work.actor.userID
        payment.recordedAt = work.now
        try await payment.create(on: db)
        try await record(.payment, text, ref: payment.id, on: payment.paidOn, audit: action,
                         recordType: "payment", recordID: payment.id)
    }
}
