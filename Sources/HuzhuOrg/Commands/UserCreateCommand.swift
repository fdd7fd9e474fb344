import Fluent
import HuzhuCore
import HuzhuPlatform
import Vapor

/// `huzhu user create --login LOGIN --name NAME --role ROLE [--ngo NGO] [--office CODE]`: makes an account
/// and prints its generated password, for the first administrator and for scripts.
struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "login", help: "Login: 3-40 lower-case letters, digits, . - _") var login: String?
        @Option(name: "name", help: "Display name") var name: String?
        @Option(name: "role", help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))") var role: String?
        @Option(name: "ngo", help: "Name of the NGO (all roles but network_admin)") var ngo: String?
        @Option(name: "office", help: "Code of the office within the NGO, e.g. BJ") var office: String?
        @Option(name: "language", help: "zh-Hans (default) or en") var language: String?
        init() {}
    }

    var help: String { "Create a user account and print its generated password." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let db = app.db
        guard let roleName = signature.role, let role = Role(rawValue: roleName) else {
            throw CommandFailure("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let login = try OrgNames.login(signature.login ?? "")
        let name = try OrgNames.displayName(signature.name ?? "", field: "name")
        let language = try signature.language.map { value in
            guard let language = Language(rawValue: value) else { throw CommandFailure("--language must be zh-Hans or en") }
            return language
        } ?? .default
        var ngo: NGO?
        var office: Office?
        if role.requiresNGO {
            guard let ngoName = signature.ngo, let found = try await NGO.query(on: db).filter(\.$name == ngoName).first() else {
                throw CommandFailure("--ngo must name an existing NGO for role \(role.rawValue)")
            }
            ngo = found
            if let code = signature.office {
                office = try await Office.query(on: db).filter(\.$ngoID == found.id!).filter(\.$code == code.uppercased()).first()
                if office == nil { throw CommandFailure("No office with code \(code) in \(ngoName)") }
            }
            if role.requiresOffice && office == nil { throw CommandFailure("--office is required for role \(role.rawValue)") }
        }
        if try await User.query(on: db).filter(\.$login == login).count() > 0 {
            throw CommandFailure("The login \(login) is taken.")
        }
        let password = GeneratedPassword.make()
        let user = User()
        user.login = login
        user.displayName = name
        user.role = role
        user.ngoID = ngo?.id
        user.officeID = office?.id
        user.language = language
        user.active = true
        user.createdAt = app.clock.now()
        user.passwordHash = try await app.hashPassword(password)
        try await db.write { db in
            try await user.save(on: db)
            try await AuditEvent.record(.createUser, by: .console, at: app.clock.now(), recordType: "user",
                                        recordID: user.id, ngoID: user.ngoID, detail: AuditDetail(role), on: db)
        }
        context.console.print("Created \(login) (\(role.rawValue)). Password: \(password)")
    }
}

extension FieldError: CustomStringConvertible {
    public var description: String { Localizer(.en)(messageKey) + " (\(field))" }
}
