import Fluent
import Foundation

/// A member organisation of the network. Its id is the tenant key every NGO-owned row carries.
final class NGO: Model, @unchecked Sendable {
    static let schema = "ngos"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "city") var city: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(name: String, city: String, createdAt: Date) {
        self.name = name
        self.city = city
        self.createdAt = createdAt
    }
}
