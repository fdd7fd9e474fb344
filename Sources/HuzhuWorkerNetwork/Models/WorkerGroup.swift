import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A group of workers of an office, reached through its leaders: a site, a dormitory, an industry.
package final class WorkerGroup: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "worker_groups"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "name") package var name: String
    /// The site or industry that holds the group together.
    @Field(key: "site") package var site: String
    @Field(key: "created_by") package var createdBy: UUID
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
}

/// A worker's time in a group, from the day they joined to the day they left (if they have); a leader
/// reaches the others. One row per worker and group: rejoining opens it again.
package final class GroupMember: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "group_members"
    package static let officeKey: FieldKey? = "office_id"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "office_id") package var officeID: UUID
    @Field(key: "group_id") package var groupID: UUID
    @Field(key: "worker_id") package var workerID: UUID
    @Field(key: "leader") package var leader: Bool
    /// The member agreed that the group's leaders may see their name and phone and call them.
    @Field(key: "leader_may_contact") package var leaderMayContact: Bool
    @Field(key: "joined_on") package var joinedOn: CalendarDate
    @OptionalField(key: "left_on") package var leftOn: CalendarDate?

    package init() {}
}

/// A group leader's login, linked to their worker record: they see the groups they lead, and nothing else.
package final class LeaderLogin: Model, @unchecked Sendable {
    package static let schema = "leader_logins"

    @ID(key: .id) package var id: UUID?
    @Field(key: "ngo_id") package var ngoID: UUID
    @Field(key: "user_id") package var userID: UUID
    @Field(key: "worker_id") package var workerID: UUID

    package init() {}
}
