import Fluent
import Foundation

/// An office of an NGO in one city, with the short code that prefixes its case numbers (`BJ`).
final class Office: Model, @unchecked Sendable {
    static let schema = "offices"

    @ID(key: .id) var id: UUID?
    @Field(key: "ngo_id") var ngoID: UUID
    @Field(key: "name") var name: String
    @Field(key: "city") var city: String
    @Field(key: "code") var code: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(ngoID: UUID, name: String, city: String, code: String, createdAt: Date) {
        self.ngoID = ngoID
        self.name = name
        self.city = city
        self.code = code
        self.createdAt = createdAt
    }
}
