import Fluent
import SQLKit

/// Whether the person chose their language themselves (on the switch), rather than having the default
/// an administrator set: only a choice outranks the browser's language.
struct AddLanguageChoice: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("language_chosen", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("language_chosen").update()
    }
}
