import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// One interaction with a worker: a call, a visit, a message. The unit the hotline counts.
package final class Contact: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "contacts"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    /// Readable number, unique within the NGO (office codes are unique per NGO): `BJ-2026-C000042`.
    @Field(key: "number") package var number: String
    @Field(key: "channel") package var channel: Channel
    @Field(key: "direction") package var direction: Direction
    @Field(key: "operator_id") package var operatorID: UUID
    @Field(key: "started_at") package var startedAt: Date
    @OptionalField(key: "duration_seconds") package var durationSeconds: Int?
    @OptionalField(key: "worker_id") package var workerID: UUID?
    /// For an anonymous caller who left a number to call back.
    @OptionalField(key: "callback_cipher") package var callbackCipher: Data?
    @OptionalField(key: "callback_hash") package var callbackHash: String?
    /// What the worker said and what they were told, sealed: it holds health conditions and more.
    /// Read and written through `summary(_:)`/`advice(_:)` and `seal(summary:advice:)`.
    @Field(key: "summary_cipher") package var summaryCipher: Data
    @Field(key: "advice_cipher") package var adviceCipher: Data
    @Field(key: "outcome") package var outcome: Outcome
    @OptionalField(key: "follow_up_on") package var followUpOn: CalendarDate?
    /// The telephony system's id of the call this contact records, when it came through the webhook.
    @OptionalField(key: "call_id") package var callID: String?
    @Field(key: "created_at") package var createdAt: Date
    /// For a contact whose outcome was "case needed": when, by whom and why it was decided that no case
    /// will be opened from it (the reason sealed). It then leaves the office's queue.
    @OptionalField(key: "no_case_at") package var noCaseAt: Date?
    @OptionalField(key: "no_case_by") package var noCaseBy: UUID?
    @OptionalField(key: "no_case_reason_cipher") package var noCaseReasonCipher: Data?

    package init() {}

    package func openSummary(_ cipher: FieldCipher) throws -> String { try cipher.open(summaryCipher) }
    package func openAdvice(_ cipher: FieldCipher) throws -> String { try cipher.open(adviceCipher) }

    package func seal(summary: String, advice: String, _ cipher: FieldCipher) throws {
        summaryCipher = try cipher.seal(summary)
        adviceCipher = try cipher.seal(advice)
    }

    package enum Channel: String, Codable, CaseIterable, Sendable {
        case hotline, visit, qq, wechat, webForm = "web_form", sms, outreach
    }

    package enum Direction: String, Codable, CaseIterable, Sendable {
        case inbound, outbound
    }

    package enum Outcome: String, Codable, CaseIterable, Sendable {
        case advice, caseToOpen = "case_to_open", referred, callback, notLabour = "not_labour"
    }
}

/// Which topics a contact is about.
package final class ContactTopic: Model, @unchecked Sendable {
    package static let schema = "contact_topics"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "contact_id") package var contactID: UUID
    @Field(key: "topic_id") package var topicID: UUID

    package init() {}

    package init(ngoID: UUID, contactID: UUID, topicID: UUID) {
        self.ngoID = ngoID
        self.contactID = contactID
        self.topicID = topicID
    }
}
