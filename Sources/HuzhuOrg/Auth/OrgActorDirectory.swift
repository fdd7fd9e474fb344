import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// Resolves sessions and tokens to the active user behind them, with their NGO's and office's names,
/// in one query: it runs on every request.
struct OrgActorDirectory: ActorDirectory {
    private struct Row: Decodable {
        let id: UUID
        let login: String
        let display_name: String
        let role: String
        let ngo_id: UUID?
        let office_id: UUID?
        let language: String
        let language_chosen: Bool
        let ngo_name: String?
        let office_name: String?
        let totp_enabled_at: Date?
    }

    func activeActor(userID: UUID, on db: any Database) async throws -> Actor? {
        guard let row = try await db.sql.select()
            .column(SQLColumn("id", table: "users")).column(SQLColumn("login", table: "users"))
            .column(SQLColumn("display_name", table: "users")).column(SQLColumn("role", table: "users"))
            .column(SQLColumn("ngo_id", table: "users")).column(SQLColumn("office_id", table: "users"))
            .column(SQLColumn("language", table: "users")).column(SQLColumn("language_chosen", table: "users"))
            .column(SQLColumn("totp_enabled_at", table: "users"))
            .column(SQLColumn("name", table: "ngos"), as: "ngo_name")
            .column(SQLColumn("name", table: "offices"), as: "office_name")
            .from(User.schema)
            .join(NGO.schema, method: SQLJoinMethod.left, on: SQLColumn("ngo_id", table: "users"), .equal, SQLColumn("id", table: "ngos"))
            .join(Office.schema, method: SQLJoinMethod.left, on: SQLColumn("office_id", table: "users"), .equal, SQLColumn("id", table: "offices"))
            .where(SQLColumn("id", table: "users"), .equal, SQLBind(userID))
            .where(SQLColumn("active", table: "users"), .equal, SQLBind(true))
            .first(decoding: Row.self),
            let role = Role(rawValue: row.role) else { return nil }
        return Actor(userID: row.id, login: row.login, displayName: row.display_name, role: role,
                     ngoID: row.ngo_id, officeID: row.office_id, ngoName: row.ngo_name, officeName: row.office_name,
                     language: Language(rawValue: row.language) ?? .default, languageChosen: row.language_chosen, twoFactor: row.totp_enabled_at != nil)
    }

    func setLanguage(_ language: Language, userID: UUID, on db: any Database) async throws {
        try await User.query(on: db).set(\.$language, to: language).set(\.$languageChosen, to: true).filter(\.$id == userID).update()
    }
}
