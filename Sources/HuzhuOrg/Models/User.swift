import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A staff member, volunteer or partner who signs in. One role; an NGO and office where the role needs them.
package final class User: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "users"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "login") package var login: String
    @Field(key: "display_name") package var displayName: String
    @Field(key: "password_hash") package var passwordHash: String
    @Field(key: "role") package var role: Role
    @OptionalField(key: "ngo_id") package var ngoID: UUID?
    @OptionalField(key: "office_id") package var officeID: UUID?
    @Field(key: "language") package var language: Language
    /// Whether `language` is the person's own choice (the switch), not the default they were given.
    @Field(key: "language_chosen") package var languageChosen: Bool
    @Field(key: "active") package var active: Bool
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "last_login_at") package var lastLoginAt: Date?
    /// The sign-in before the current one, shown on the home page so a person notices one that was not theirs.
    @OptionalField(key: "previous_login_at") package var previousLoginAt: Date?
    /// The one-time-code secret, encrypted; set at enrolment, in use once `totpEnabledAt` is.
    @OptionalField(key: "totp_secret") package var totpSecret: Data?
    @OptionalField(key: "totp_enabled_at") package var totpEnabledAt: Date?
    /// The last time step whose code was accepted: a code is good once.
    @OptionalField(key: "totp_last_step") package var totpLastStep: Int64?

    package init() {
        languageChosen = false
    }
}

extension User {
    /// Whose accounts a user belongs to: an NGO's, or the network's for those who belong to none.
    package static func scope(ngoID: UUID?) -> Scope {
        ngoID.map { .ngo($0) } ?? .network
    }
}
