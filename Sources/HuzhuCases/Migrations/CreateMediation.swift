import Fluent
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import SQLKit

struct CreateMediation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MediationCommittee.schema)
            .field("id", .uuid, .identifier(auto: false), .references(Office.schema, "id"))
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("name", .string, .required)
            .field("authorised_by", .string, .required)
            .field("authorised_on", .string)
            .create()
        try await database.schema(Mediator.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("office_id", .uuid, .required, .references(Office.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("appointed_on", .string, .required)
            .field("ended_on", .string)
            .create()
        try await database.schema(MediationSession.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("case_id", .uuid, .required, .references(Case.schema, "id"))
            .field("held_on", .string, .required)
            .field("place", .string, .required)
            .field("address", .string)
            .field("mediator_ids", .string, .required)
            .field("parties", .string, .required)
            .field("discussion", .string, .required)
            .field("result", .string, .required)
            .field("adjourned_to", .string)
            .field("recorded_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(MediationAgreement.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("case_id", .uuid, .required, .references(Case.schema, "id"))
            .field("session_id", .uuid, .references(MediationSession.schema, "id"))
            .field("number", .string, .required)
            .field("parties", .string, .required)
            .field("facts", .string, .required)
            .field("terms", .string, .required)
            .field("effective_on", .string, .required)
            .field("signed_file_id", .uuid, .references(EvidenceFile.schema, "id"))
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "ngo_id", "number")
            .create()
        try await database.schema(AgreementTerm.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("agreement_id", .uuid, .required, .references(MediationAgreement.schema, "id"))
            .field("claim_id", .uuid, .required, .references(Claim.schema, "id"))
            .field("amount_fen", .int64, .required)
            .create()
        try await database.schema(Instalment.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("agreement_id", .uuid, .required, .references(MediationAgreement.schema, "id"))
            .field("case_id", .uuid, .required, .references(Case.schema, "id"))
            .field("due_on", .string, .required)
            .field("amount_fen", .int64, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "mediation_sessions_case").on(MediationSession.schema).column("case_id").run()
        try await sql.create(index: "mediation_sessions_ngo_held").on(MediationSession.schema).column("ngo_id").column("held_on").run()
        try await sql.create(index: "mediation_agreements_case").on(MediationAgreement.schema).column("case_id").run()
        try await sql.create(index: "agreement_terms_agreement").on(AgreementTerm.schema).column("agreement_id").run()
        try await sql.create(index: "instalments_due").on(Instalment.schema).column("due_on").run()
        try await sql.create(index: "instalments_case").on(Instalment.schema).column("case_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [Instalment.schema, AgreementTerm.schema, MediationAgreement.schema, MediationSession.schema,
                       Mediator.schema, MediationCommittee.schema] {
            try await database.schema(schema).delete()
        }
    }
}

struct CreateRemindersAndDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Reminder.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("case_id", .uuid, .required, .references(Case.schema, "id"))
            .field("key", .string, .required)
            .field("item", .string, .required)
            .field("due_on", .string, .required)
            .field("raised_at", .datetime, .required)
            .unique(on: "user_id", "key")
            .create()
        try await database.schema(CaseDocument.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("case_id", .uuid, .required, .references(Case.schema, "id"))
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("html", .string, .required)
            .field("finalised_by", .uuid, .required)
            .field("finalised_at", .datetime, .required)
            .unique(on: "case_id", "kind", "version")
            .create()
        try await database.schema(CaseEvent.schema).field("legal_event", .string).update()
        try await database.sql.create(index: "reminders_user_raised").on(Reminder.schema).column("user_id").column("raised_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseEvent.schema).deleteField("legal_event").update()
        try await database.schema(CaseDocument.schema).delete()
        try await database.schema(Reminder.schema).delete()
    }
}
