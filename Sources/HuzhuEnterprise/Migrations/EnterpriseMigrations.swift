import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import SQLKit

/// Reports gain their period, the total they showed, and what they replace.
struct AddReportPeriods: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EnterpriseReport.schema).field("period", .string).update()
        try await database.schema(EnterpriseReport.schema).field("shown_total", .int).update()
        try await database.schema(EnterpriseReport.schema).field("replaces_id", .uuid).update()
        try await database.schema(EnterpriseReport.schema).field("revision_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["period", "shown_total", "replaces_id", "revision_reason"] {
            try await database.schema(EnterpriseReport.schema).deleteField(.string(field)).update()
        }
    }
}

/// Partnerships are held by an office: the responsible person's, or else the NGO's first office.
struct AddPartnershipOffices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Partnership.schema).field("office_id", .uuid).update()
        for partnership in try await Partnership.query(on: database).all() {
            let firstOffice = try await Office.query(on: database).filter(\.$ngoID == partnership.ngoID).sort(\.$name).first()
            partnership.officeID = try await User.find(partnership.responsibleID, on: database)?.officeID ?? firstOffice?.id
            try await partnership.save(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Partnership.schema).deleteField("office_id").update()
    }
}

struct CreateEnterpriseTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Partnership.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("employer_id", .uuid, .required)
            .field("name", .string, .required)
            .field("start_on", .string, .required)
            .field("end_on", .string)
            .field("sites", .string, .required)
            .field("report_months", .int, .required)
            .field("responsible_id", .uuid, .required, .references(User.schema, "id"))
            .field("k", .int, .required)
            .field("form_token", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "form_token")
            .create()
        try await database.schema(PartnerLiaison.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("partnership_id", .uuid, .required, .references(Partnership.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .unique(on: "partnership_id", "user_id")
            .create()
        try await database.schema(Feedback.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("partnership_id", .uuid, .required, .references(Partnership.schema, "id"))
            .field("channel", .string, .required)
            .field("site", .string)
            .field("category", .string, .required)
            .field("severity", .string, .required)
            .field("treatment", .string, .required)
            .field("description_cipher", .data, .required)
            .field("name_cipher", .data)
            .field("callback_cipher", .data)
            .field("status", .string, .required)
            .field("summary", .string)
            .field("summary_approved_by", .uuid)
            .field("forwarded_at", .datetime)
            .field("escalated_at", .datetime)
            .field("ack_due_at", .datetime)
            .field("acknowledged_at", .datetime)
            .field("response", .string)
            .field("responded_at", .datetime)
            .field("verdict", .string)
            .field("contact_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        try await database.schema(FeedbackNote.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("feedback_id", .uuid, .required, .references(Feedback.schema, "id"))
            .field("text", .string, .required)
            .field("author_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(EnterpriseReport.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("partnership_id", .uuid, .required, .references(Partnership.schema, "id"))
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("html", .string, .required)
            .field("issued_by", .uuid, .required)
            .field("issued_at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "feedback_partnership_created").on(Feedback.schema).column("partnership_id").column("created_at").run()
        try await sql.create(index: "partner_liaisons_user").on(PartnerLiaison.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [EnterpriseReport.schema, FeedbackNote.schema, Feedback.schema, PartnerLiaison.schema, Partnership.schema] {
            try await database.schema(schema).delete()
        }
    }
}
