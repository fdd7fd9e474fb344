import Fluent
import Foundation
import HuzhuPlatform
import HuzhuCore

/// A company or person workers claim against (a developer, a contractor, a labour boss), or a partner
/// enterprise: the NGO's one registry of employers, shared by Cases and Enterprise.
package final class Employer: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "employers"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "name") package var name: String
    /// Unified social credit code; many small contractors have none.
    @OptionalField(key: "credit_code") package var creditCode: String?
    @OptionalField(key: "address") package var address: String?
    @OptionalField(key: "city") package var city: String?
    @OptionalField(key: "industry") package var industry: String?
    /// Who to reach there and how, as the caseworker wrote it down.
    @OptionalField(key: "contacts") package var contacts: String?
    /// A duplicate merged into another record keeps pointing at it.
    @OptionalField(key: "merged_into") package var mergedInto: UUID?
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
}

/// One link of a contracting chain: `upper` gave work to `lower` (a general contractor to a
/// subcontractor), or dispatched workers to it (a labour dispatch agency to the user entity).
package final class EmployerLink: Model, @unchecked Sendable {
    package static let schema = "employer_links"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "upper_id") package var upperID: UUID
    @Field(key: "lower_id") package var lowerID: UUID
    @Field(key: "kind") package var kind: Kind

    package init() {}

    package enum Kind: String, Codable, CaseIterable, Sendable {
        case contracts, dispatches
    }
}
