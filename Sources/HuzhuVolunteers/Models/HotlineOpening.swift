import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A weekly time an office's hotline is open (Beijing time): what the shifts must cover.
package final class HotlineOpening: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "hotline_openings"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    /// 1 = Monday … 7 = Sunday.
    @Field(key: "weekday") package var weekday: Int
    @Field(key: "opens") package var opens: String
    @Field(key: "closes") package var closes: String

    package init() {}

    package var scope: Scope { .office(ngo: ngoID, office: officeID) }
    var opening: Coverage.Opening? { try? Coverage.Opening(weekday: String(weekday), opens: opens, closes: closes) }
}
