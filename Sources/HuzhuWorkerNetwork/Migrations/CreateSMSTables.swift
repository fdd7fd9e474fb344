import Fluent
import HuzhuIntake
import HuzhuOrg
import SQLKit

/// Text messages to workers, each recipient's copy and state, and the numbers that opted out.
struct CreateSMSTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SMSMessage.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("audience", .string, .required)
            .field("audience_id", .uuid, .required)
            .field("body_cipher", .data, .required)
            .field("text_cipher", .data, .required)
            .field("segments", .int, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(SMSRecipient.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("message_id", .uuid, .required, .references(SMSMessage.schema, "id"))
            .field("worker_id", .uuid, .required, .references(Worker.schema, "id"))
            .field("phone_cipher", .data, .required)
            .field("state", .string, .required)
            .field("reason", .string)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(SMSOptOut.schema)
            .id()
            .field("phone_cipher", .data, .required)
            .field("phone_hash", .string, .required)
            .field("opted_out", .bool, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "phone_hash")
            .create()
        try await database.sql.create(index: "sms_recipients_state").on(SMSRecipient.schema).column("state").column("updated_at").run()
        try await database.sql.create(index: "sms_recipients_message").on(SMSRecipient.schema).column("message_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [SMSOptOut.schema, SMSRecipient.schema, SMSMessage.schema] { try await database.schema(schema).delete() }
    }
}
