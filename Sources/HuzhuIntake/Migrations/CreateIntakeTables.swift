import Fluent
import HuzhuOrg
import HuzhuPlatform
import SQLKit

struct CreateWorkers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Worker.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("name", .string, .required)
            .field("gender", .string, .required)
            .field("birth_year", .int)
            .field("home_province", .string)
            .field("current_city", .string)
            .field("industry", .string)
            .field("employer", .string)
            .field("languages", .string)
            .field("notes", .string)
            .field("consent_network_on", .string)
            .field("consent_sms_on", .string)
            .field("consent_story_on", .string)
            .field("id_cipher", .data)
            .field("id_hash", .string)
            .field("id_network_hash", .string)
            .field("merged_into", .uuid)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid)
            .create()
        let sql = database.sql
        try await sql.create(index: "workers_ngo_name").on(Worker.schema).column("ngo_id").column("name").run()
        try await sql.create(index: "workers_ngo_id_hash").on(Worker.schema).column("ngo_id").column("id_hash").run()
        try await sql.create(index: "workers_id_network_hash").on(Worker.schema).column("id_network_hash").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(Worker.schema).delete() }
}

struct CreateWorkerPhones: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkerPhone.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("worker_id", .uuid, .required, .references(Worker.schema, "id"))
            .field("cipher", .data, .required)
            .field("lookup_hash", .string, .required)
            .field("network_hash", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "worker_phones_lookup").on(WorkerPhone.schema).column("ngo_id").column("lookup_hash").run()
        try await sql.create(index: "worker_phones_worker").on(WorkerPhone.schema).column("worker_id").run()
        try await sql.create(index: "worker_phones_network").on(WorkerPhone.schema).column("network_hash").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(WorkerPhone.schema).delete() }
}

struct CreateTopics: AsyncMigration {
    /// The network's standard taxonomy; admins add to it.
    static let standard: [(code: String, zh: String, en: String)] = [
        ("wage_arrears", "欠薪", "Wage arrears"),
        ("no_contract", "未签书面劳动合同", "No written contract"),
        ("dismissal", "解雇", "Dismissal"),
        ("work_injury", "工伤", "Work injury"),
        ("occupational_disease", "职业病", "Occupational disease"),
        ("social_insurance", "社会保险", "Social insurance"),
        ("overtime", "加班与工时", "Overtime and hours"),
        ("dormitory_food", "宿舍与伙食", "Dormitory and food"),
        ("harassment", "骚扰与暴力", "Harassment and violence"),
        ("job_information", "求职信息", "Job information"),
        ("urban_life", "城市生活与家庭", "Urban life and family"),
        ("other", "其他", "Other"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(Topic.schema)
            .id()
            .field("code", .string, .required)
            .field("name_zh", .string, .required)
            .field("name_en", .string, .required)
            .field("position", .int, .required)
            .field("active", .bool, .required)
            .unique(on: "code")
            .create()
        for (index, topic) in Self.standard.enumerated() {
            try await Topic(code: topic.code, nameZh: topic.zh, nameEn: topic.en, position: (index + 1) * 10).create(on: database)
        }
    }

    func revert(on database: any Database) async throws { try await database.schema(Topic.schema).delete() }
}

struct CreateContacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Contact.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("number", .string, .required)
            .field("channel", .string, .required)
            .field("direction", .string, .required)
            .field("operator_id", .uuid, .required, .references(User.schema, "id"))
            .field("started_at", .datetime, .required)
            .field("duration_seconds", .int)
            .field("worker_id", .uuid, .references(Worker.schema, "id"))
            .field("callback_cipher", .data)
            .field("callback_hash", .string)
            .field("summary", .string, .required)
            .field("advice", .string, .required)
            .field("outcome", .string, .required)
            .field("follow_up_on", .string)
            .field("call_id", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "ngo_id", "number")
            .create()
        let sql = database.sql
        try await sql.create(index: "contacts_ngo_office_started").on(Contact.schema)
            .column("ngo_id").column("office_id").column("started_at").run()
        try await sql.create(index: "contacts_worker_started").on(Contact.schema).column("worker_id").column("started_at").run()
        try await sql.create(index: "contacts_operator_started").on(Contact.schema).column("operator_id").column("started_at").run()
        try await sql.create(index: "contacts_call_id").on(Contact.schema).column("call_id").run()

        try await database.schema(ContactTopic.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("contact_id", .uuid, .required, .references(Contact.schema, "id"))
            .field("topic_id", .uuid, .required, .references(Topic.schema, "id"))
            .unique(on: "contact_id", "topic_id")
            .create()
        try await sql.create(index: "contact_topics_topic").on(ContactTopic.schema).column("topic_id").column("contact_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ContactTopic.schema).delete()
        try await database.schema(Contact.schema).delete()
    }
}

struct CreateCallbacks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Callback.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("worker_id", .uuid, .references(Worker.schema, "id"))
            .field("contact_id", .uuid, .references(Contact.schema, "id"))
            .field("phone_cipher", .data, .required)
            .field("phone_hash", .string, .required)
            .field("reason", .string, .required)
            .field("due_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("last_attempt_at", .datetime)
            .field("status", .string, .required)
            .field("result", .string)
            .field("resolved_at", .datetime)
            .field("resolved_by", .uuid)
            .field("call_id", .string)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "callbacks_office_status_due").on(Callback.schema)
            .column("office_id").column("status").column("due_at").run()
        try await sql.create(index: "callbacks_phone").on(Callback.schema).column("ngo_id").column("phone_hash").run()
    }

    func revert(on database: any Database) async throws { try await database.schema(Callback.schema).delete() }
}

struct CreateTelephony: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TelephonyLine.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("number", .string, .required)
            .field("name", .string, .required)
            .field("secret_cipher", .data, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "number")
            .create()
        try await database.schema(Call.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("line_id", .uuid, .required, .references(TelephonyLine.schema, "id"))
            .field("call_id", .string, .required)
            .field("caller_cipher", .data, .required)
            .field("caller_hash", .string, .required)
            .field("agent", .string)
            .field("state", .string, .required)
            .field("rang_at", .datetime, .required)
            .field("answered_at", .datetime)
            .field("ended_at", .datetime)
            .unique(on: "line_id", "call_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Call.schema).delete()
        try await database.schema(TelephonyLine.schema).delete()
    }
}

/// Indexes the phone searches were missing: contacts by callback number (the anonymous caller's
/// history) and phones by keyed hash alone (a search across NGOs scanned every phone).
struct AddCallbackHashIndexToContacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "contacts_ngo_callback_hash").on(Contact.schema).column("ngo_id").column("callback_hash").run()
        // The network admin's searches look a number up across NGOs.
        try await database.sql.create(index: "worker_phones_lookup_hash").on(WorkerPhone.schema).column("lookup_hash").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "worker_phones_lookup_hash").run()
        try await database.sql.drop(index: "contacts_ngo_callback_hash").run()
    }
}

/// The worker list and search walk an NGO's workers newest first and stop at a page: without this index
/// they sorted every worker of the NGO first (measured: 120 ms for 110,000 workers, 20 ms with it).
struct AddWorkerListIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "workers_ngo_created").on(Worker.schema).column("ngo_id").column("created_at").column("id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "workers_ngo_created").run()
    }
}
