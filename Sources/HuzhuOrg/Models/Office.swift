import Fluent
import Foundation
import HuzhuPlatform

/// An office of an NGO in one city, with the short code that prefixes its case numbers (`BJ`).
package final class Office: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "offices"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "name") package var name: String
    @Field(key: "city") package var city: String
    @Field(key: "code") package var code: String
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package init(ngoID: UUID, name: String, city: String, code: String, createdAt: Date) {
        self.ngoID = ngoID
        self.name = name
        self.city = city
        self.code = code
        self.createdAt = createdAt
    }
}
