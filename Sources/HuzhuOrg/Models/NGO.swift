import Fluent
import Foundation

/// A member organisation of the network. Its id is the tenant key every NGO-owned row carries.
package final class NGO: Model, @unchecked Sendable {
    package static let schema = "ngos"

    @ID(key: .id) package var id: UUID?
    @Field(key: "name") package var name: String
    @Field(key: "city") package var city: String
    @Field(key: "created_at") package var createdAt: Date

    package init() {}

    package init(name: String, city: String, createdAt: Date) {
        self.name = name
        self.city = city
        self.createdAt = createdAt
    }
}
