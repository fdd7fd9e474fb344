import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

package enum TrainingKind: String, Codable, CaseIterable, Sendable {
    case legalKnowledge = "legal_knowledge", urbanIntegration = "urban_integration", occupationalSafety = "occupational_safety", other
}

/// A training of an office at a time and place, for up to `capacity` workers (`taken` of the places
/// held); when it is full, further registrations wait in turn if it keeps a waiting list.
package final class Training: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "trainings"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "kind") package var kind: TrainingKind
    @Field(key: "title") package var title: String
    @Field(key: "starts_at") package var startsAt: Date
    @Field(key: "ends_at") package var endsAt: Date
    @Field(key: "place") package var place: String
    /// Who teaches it: a member of staff or a volunteer, by name.
    @Field(key: "trainer") package var trainer: String
    @Field(key: "language") package var language: String
    @Field(key: "capacity") package var capacity: Int
    /// Places held, kept by the one statement that takes a place only while one is free.
    @Field(key: "taken") package var taken: Int
    @Field(key: "waiting_list") package var waitingList: Bool
    /// The secret part of the training's public sign-up address (`/join/…`).
    @Field(key: "signup_token") package var signupToken: UUID
    @Field(key: "created_by") package var createdBy: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
    var day: CalendarDate { CalendarDate(startsAt) }
}

package enum RegistrationState: String, Codable, CaseIterable, Sendable {
    case registered, waiting, cancelled
}

/// A worker's registration for a training: who registered them, when and in which turn, and
/// whether they came. A walk-in is registered at the roll call.
package final class TrainingRegistration: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "training_registrations"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "training_id") package var trainingID: UUID
    @Field(key: "worker_id") package var workerID: UUID
    @Field(key: "state") package var state: RegistrationState
    @OptionalField(key: "registered_by") package var registeredBy: UUID?
    @Field(key: "registered_at") package var registeredAt: Date
    /// The order of registration for this training: the waiting list's turn.
    @Field(key: "turn") package var turn: Int
    @OptionalField(key: "attended_at") package var attendedAt: Date?
    @Field(key: "walk_in") package var walkIn: Bool

    package init() {}
}
