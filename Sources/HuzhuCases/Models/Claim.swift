import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// What one worker claims under one head, and what was agreed.
package final class Claim: Model, @unchecked Sendable {
    package static let schema = "claims"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @Field(key: "worker_id") package var workerID: UUID
    @Field(key: "head") package var head: ClaimHead
    @Field(key: "claimed_fen") package var claimedFen: Int64
    @OptionalField(key: "agreed_fen") package var agreedFen: Int64?
    @OptionalField(key: "agreed_source") package var agreedSource: AgreementSource?
    @OptionalField(key: "agreed_on") package var agreedOn: CalendarDate?
    @Field(key: "note") package var note: String
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    var ledgerClaim: Ledger.Claim {
        Ledger.Claim(id: id!, workerID: workerID, head: head, claimed: Money(fen: claimedFen), agreed: agreedFen.map(Money.init))
    }
}

/// Money actually received for a claim, or a reversing entry: a payment is never deleted or changed;
/// a mistyped one is voided (or corrected) by an entry of minus its amount that names it and says why.
package final class Payment: Model, @unchecked Sendable {
    package static let schema = "payments"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @Field(key: "claim_id") package var claimID: UUID
    @Field(key: "worker_id") package var workerID: UUID
    @Field(key: "paid_on") package var paidOn: CalendarDate
    @Field(key: "amount_fen") package var amountFen: Int64
    @Field(key: "payer") package var payer: String
    @Field(key: "method") package var method: Method
    @OptionalField(key: "evidence_file_id") package var evidenceFileID: UUID?
    @Field(key: "recorded_by") package var recordedBy: UUID
    @Field(key: "recorded_at") package var recordedAt: Date
    /// The payment this entry reverses; its amount is minus that payment's.
    @OptionalField(key: "reverses_id") package var reversesID: UUID?
    /// Why it was reversed, sealed (it may name the worker).
    @OptionalField(key: "reason_cipher") package var reasonCipher: Data?

    package init() {}

    package enum Method: String, Codable, CaseIterable, Sendable {
        case bankTransfer = "bank_transfer", cash, mobilePayment = "mobile_payment", court, other
    }

    var ledgerPayment: Ledger.Payment { Ledger.Payment(claimID: claimID, amount: Money(fen: amountFen)) }
}

/// A photo or PDF kept for a case, stored outside the database under a name nobody can guess.
package final class EvidenceFile: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "evidence_files"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    /// The file's name in the evidence folder: 32 random hex characters.
    @Field(key: "stored_name") package var storedName: String
    /// The name it was uploaded under and its description, sealed: both often name the worker.
    @Field(key: "original_name_cipher") package var originalNameCipher: Data
    @Field(key: "content_type") package var contentType: String
    @Field(key: "size_bytes") package var sizeBytes: Int
    @Field(key: "sha256") package var sha256: String
    @Field(key: "description_cipher") package var captionCipher: Data
    @Field(key: "uploaded_by") package var uploadedBy: UUID
    @Field(key: "uploaded_at") package var uploadedAt: Date

    package init() {}

    package func openOriginalName(_ cipher: FieldCipher) throws -> String { try cipher.open(originalNameCipher) }
    package func openCaption(_ cipher: FieldCipher) throws -> String { try cipher.open(captionCipher) }
}
