import Fluent
import SQLKit
import HuzhuIntake
import HuzhuOrg

/// Groups with their members and leaders, trainings with their registrations and attendance.
struct CreateWorkerNetworkTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkerGroup.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("name", .string, .required)
            .field("site", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(GroupMember.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("group_id", .uuid, .required, .references(WorkerGroup.schema, "id"))
            .field("worker_id", .uuid, .required, .references(Worker.schema, "id"))
            .field("leader", .bool, .required)
            .field("joined_on", .string, .required)
            .field("left_on", .string)
            .unique(on: "group_id", "worker_id")
            .create()
        try await database.schema(Training.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("place", .string, .required)
            .field("trainer", .string, .required)
            .field("language", .string, .required)
            .field("capacity", .int, .required)
            .field("taken", .int, .required)
            .field("waiting_list", .bool, .required)
            .field("signup_token", .uuid, .required)
            .unique(on: "signup_token")
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(TrainingRegistration.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("training_id", .uuid, .required, .references(Training.schema, "id"))
            .field("worker_id", .uuid, .required, .references(Worker.schema, "id"))
            .field("state", .string, .required)
            .field("registered_by", .uuid)
            .field("registered_at", .datetime, .required)
            .field("turn", .int, .required)
            .field("attended_at", .datetime)
            .field("walk_in", .bool, .required)
            .unique(on: "training_id", "worker_id")
            .create()
        try await database.sql.create(index: "group_members_worker").on(GroupMember.schema).column("worker_id").run()
        try await database.sql.create(index: "trainings_office_start").on(Training.schema).column("ngo_id").column("office_id").column("starts_at").run()
        try await database.sql.create(index: "training_registrations_worker").on(TrainingRegistration.schema).column("worker_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [TrainingRegistration.schema, Training.schema, GroupMember.schema, WorkerGroup.schema] {
            try await database.schema(schema).delete()
        }
    }
}
