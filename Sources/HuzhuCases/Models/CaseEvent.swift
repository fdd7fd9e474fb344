import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// One line of a case's timeline. Every change to a case writes one, in the same transaction, so the
/// timeline is a single query however many kinds of thing happened.
package final class CaseEvent: Model, @unchecked Sendable {
    package static let schema = "case_events"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "case_id") package var caseID: UUID
    @Field(key: "kind") package var kind: Kind
    @Field(key: "occurred_at") package var occurredAt: Date
    @OptionalField(key: "actor_id") package var actorID: UUID?
    /// What happened, in the words of whoever recorded it (a note, a reason) or a short description;
    /// sealed (`text(_:)`), since a note about a call holds what the worker said.
    @Field(key: "text_cipher") package var textCipher: Data
    /// The record the event is about (a contact, a payment, a file), to link to it.
    @OptionalField(key: "ref_id") package var refID: UUID?
    /// For a status move: the status it moved to (or, awaiting approval, the closing asked for).
    @OptionalField(key: "status") package var status: CaseStatus?
    @OptionalField(key: "closing_code") package var closingCode: ClosingCode?
    /// The date the thing happened, where it differs from when it was recorded (a move, a payment).
    @OptionalField(key: "effective_on") package var effectiveOn: CalendarDate?
    /// For a legal event (a demand to the employer, an arbitration application): which one.
    @OptionalField(key: "legal_event") package var legalEvent: LegalEvent?

    package init() {}

    package func openText(_ cipher: FieldCipher) throws -> String { try cipher.open(textCipher) }

    package enum Kind: String, Codable, CaseIterable, Sendable {
        case opened, note, call, contact, status, closingRequested = "closing_requested"
        case closingRejected = "closing_rejected", assignment, worker, respondent, claim, agreement, payment, document
        case legal, session, mediationAgreement = "mediation_agreement"

        /// The groups the timeline filters by.
        package var group: String {
            switch self {
            case .opened, .status, .closingRequested, .closingRejected, .legal: "status"
            case .note, .call: "notes"
            case .contact: "contacts"
            case .assignment, .worker, .respondent: "people"
            case .claim, .agreement, .payment: "ledger"
            case .document: "documents"
            case .session, .mediationAgreement: "mediation"
            }
        }

        package static let groups = ["status", "notes", "contacts", "people", "ledger", "mediation", "documents"]
    }
}

/// An office's rules for its cases.
package final class CaseSettings: Model, @unchecked Sendable {
    package static let schema = "case_settings"

    /// The office's id.
    @ID(custom: .id, generatedBy: .user) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    /// Closing a case needs a supervisor's approval.
    @Field(key: "closing_needs_approval") package var closingNeedsApproval: Bool

    package init() {}
}
