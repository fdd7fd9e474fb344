import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Whom a message goes to: a group's present members, a training's registrants, the workers a saved list
/// finds today, or one worker.
package enum Audience: String, Codable, CaseIterable, Sendable {
    case group, training, list, worker
}

/// A text message an office sent to workers: the text as written and as sent (with the signature and the
/// opt-out line; both sealed, since a text to one worker may be about them), its segments, and for whom.
package final class SMSMessage: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "sms_messages"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "audience") package var audience: Audience
    @Field(key: "audience_id") package var audienceID: UUID
    @Field(key: "body_cipher") package var bodyCipher: Data
    @Field(key: "text_cipher") package var textCipher: Data
    @Field(key: "segments") package var segments: Int
    @Field(key: "created_by") package var createdBy: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package func openBody(_ cipher: FieldCipher) throws -> String { try cipher.open(bodyCipher) }
    package func openText(_ cipher: FieldCipher) throws -> String { try cipher.open(textCipher) }
}

package enum SMSState: String, Codable, CaseIterable, Sendable {
    /// Waiting for its turn; being handed to the gateway; accepted by it (or by the carrier); delivered
    /// to the phone; refused or lost; never handed over (with the reason).
    case queued, sending, sent, delivered, failed, notSent = "not_sent"
}

/// One worker's copy of a message: the number it went to (sealed) and where it stands, from the
/// gateway's answers and delivery reports.
package final class SMSRecipient: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "sms_recipients"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "message_id") package var messageID: UUID
    @Field(key: "worker_id") package var workerID: UUID
    @Field(key: "phone_cipher") package var phoneCipher: Data
    @Field(key: "state") package var state: SMSState
    /// Why it was not sent or failed: a catalogue key.
    @OptionalField(key: "reason") package var reason: String?
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}
}

/// A number that replied "TD" (opted out) and whether it has since opted back in: honoured for every
/// message of the deployment's gateway, whichever NGO sends it.
package final class SMSOptOut: Model, @unchecked Sendable {
    package static let schema = "sms_opt_outs"

    @ID(key: .id) package var id: UUID?
    /// The number sealed, so that a change of key can hash it again.
    @Field(key: "phone_cipher") package var phoneCipher: Data
    @Field(key: "phone_hash") package var phoneHash: String
    @Field(key: "opted_out") package var optedOut: Bool
    @Field(key: "changed_at") package var changedAt: Date

    package init() {}
}
