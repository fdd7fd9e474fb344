import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A staff member, volunteer or partner who signs in. One role; an NGO and office where the role needs them.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "login") var login: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @OptionalField(key: "ngo_id") var ngoID: UUID?
    @OptionalField(key: "office_id") var officeID: UUID?
    @Field(key: "language") var language: Language
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    /// The sign-in before the current one, shown on the home page so a person notices one that was not theirs.
    @OptionalField(key: "previous_login_at") var previousLoginAt: Date?

    init() {}
}

extension User {
    /// Whose accounts a user belongs to: an NGO's, or the network's for those who belong to none.
    static func scope(ngoID: UUID?) -> Scope {
        ngoID.map { .ngo($0) } ?? .network
    }
}
