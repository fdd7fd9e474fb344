import Fluent
import HuzhuPlatform
import SQLKit

/// The employer registry's tables. First run by Cases, under the name it keeps.
struct CreateEmployers: AsyncMigration {
    var name: String { "HuzhuCases.CreateEmployers" }

    func prepare(on database: any Database) async throws {
        try await database.schema(Employer.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("name", .string, .required)
            .field("credit_code", .string)
            .field("address", .string)
            .field("city", .string)
            .field("industry", .string)
            .field("contacts", .string)
            .field("merged_into", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(EmployerLink.schema)
            .id()
            .field("ngo_id", .uuid, .required, .references(NGO.schema, "id"))
            .field("upper_id", .uuid, .required, .references(Employer.schema, "id"))
            .field("lower_id", .uuid, .required, .references(Employer.schema, "id"))
            .field("kind", .string, .required)
            .unique(on: "upper_id", "lower_id")
            .create()
        let sql = database.sql
        try await sql.create(index: "employers_ngo_name").on(Employer.schema).column("ngo_id").column("name").run()
        try await sql.create(index: "employers_ngo_credit_code").on(Employer.schema).column("ngo_id").column("credit_code").run()
        try await sql.create(index: "employer_links_lower").on(EmployerLink.schema).column("lower_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EmployerLink.schema).delete()
        try await database.schema(Employer.schema).delete()
    }
}
