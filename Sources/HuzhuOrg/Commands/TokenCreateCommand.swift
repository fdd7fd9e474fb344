import Fluent
import HuzhuCore
import HuzhuPlatform
import Vapor

/// `huzhu token create --user LOGIN --name NAME`: prints a new API token for scripts and integrations.
struct TokenCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "user", help: "Login of the token's owner") var user: String?
        @Option(name: "name", help: "What the token is for") var name: String?
        init() {}
    }

    var help: String { "Create an API token for a user and print it (it is shown only once)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let login = signature.user?.lowercased(),
              let user = try await User.query(on: app.db).filter(\.$login == login).filter(\.$active == true).first() else {
            throw CommandFailure("--user must name an active user")
        }
        let name = try OrgNames.displayName(signature.name ?? "", field: "name")
        let issued = try await app.db.write { db in
            let issued = try await ApiToken.issue(userID: user.id!, name: name, now: app.clock.now(), on: db)
            try await AuditEvent.record(.createToken, by: .console, at: app.clock.now(), recordType: "api_token",
                                        recordID: issued.token.id, ngoID: user.ngoID, detail: .record("for user", user.id!), on: db)
            return issued
        }
        context.console.print(issued.secret)
    }
}
