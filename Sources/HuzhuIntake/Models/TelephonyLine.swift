import Fluent
import Foundation

/// A hotline number of an office, wired to a PBX or telephony provider that posts call events signed
/// with this line's shared secret (kept encrypted).
package final class TelephonyLine: Model, @unchecked Sendable {
    package static let schema = "telephony_lines"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    /// The called number in canonical digits; what events name as `line`.
    @Field(key: "number") package var number: String
    @Field(key: "name") package var name: String
    @Field(key: "secret_cipher") package var secretCipher: Data
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
}

/// A call as the telephony system reported it, from ringing to its end.
package final class Call: Model, @unchecked Sendable {
    package static let schema = "calls"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "line_id") package var lineID: UUID
    /// The provider's id of the call.
    @Field(key: "call_id") package var callID: String
    @Field(key: "caller_cipher") package var callerCipher: Data
    @Field(key: "caller_hash") package var callerHash: String
    @OptionalField(key: "agent") package var agent: String?
    @Field(key: "state") package var state: String
    @Field(key: "rang_at") package var rangAt: Date
    @OptionalField(key: "answered_at") package var answeredAt: Date?
    @OptionalField(key: "ended_at") package var endedAt: Date?

    package init() {}

    /// Seconds from answer to hang-up, once both are known.
    package var talkSeconds: Int? {
        guard let answeredAt, let endedAt else { return nil }
        return max(0, Int(endedAt.timeIntervalSince(answeredAt).rounded()))
    }
}
