import Fluent
import Foundation

/// Someone to call back: a missed call or a requested callback, worked by the office's operators.
package final class Callback: Model, @unchecked Sendable {
    package static let schema = "callbacks"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @OptionalField(key: "worker_id") package var workerID: UUID?
    @OptionalField(key: "contact_id") package var contactID: UUID?
    @Field(key: "phone_cipher") package var phoneCipher: Data
    @Field(key: "phone_hash") package var phoneHash: String
    @Field(key: "reason") package var reason: Reason
    @Field(key: "due_at") package var dueAt: Date
    @Field(key: "attempts") package var attempts: Int
    @OptionalField(key: "last_attempt_at") package var lastAttemptAt: Date?
    @Field(key: "status") package var status: Status
    @OptionalField(key: "result") package var result: Result?
    @OptionalField(key: "resolved_at") package var resolvedAt: Date?
    @OptionalField(key: "resolved_by") package var resolvedBy: UUID?
    @OptionalField(key: "call_id") package var callID: String?
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package enum Reason: String, Codable, CaseIterable, Sendable {
        case missedCall = "missed_call", requested
    }

    package enum Status: String, Codable, CaseIterable, Sendable {
        case open, done
    }

    package enum Result: String, Codable, CaseIterable, Sendable {
        /// An operator reached the worker.
        case reached
        /// Nobody answered; the callback stays open for another attempt.
        case noAnswer = "no_answer"
        case wrongNumber = "wrong_number"
        /// The worker called in again before anyone called back; closed by the system.
        case workerCalledBack = "worker_called_back"
    }
}
