import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A named search over the NGO's workers, kept by an office: it runs again on today's records each time
/// it is opened.
package final class SavedList: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "saved_lists"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "name") package var name: String
    /// The search's fields, as JSON.
    @Field(key: "search") package var search: String
    @Field(key: "created_by") package var createdBy: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
}
