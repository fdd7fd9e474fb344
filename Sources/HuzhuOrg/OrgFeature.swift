import Fluent
import Foundation
import HuzhuPlatform
import Vapor

/// The network, its NGOs and offices, the people who sign in, their tokens, and the audit log's page.
package enum OrgFeature: Feature {
    package static func migrations(_ cipher: FieldCipher) -> [any Migration] {
        [CreateNGOs(), CreateOffices(), CreateUsers(), CreateOfficeCounters(), AddTwoFactor(), CreateEmployers(), AddLanguageChoice()]
    }

    package static func grant(_ policy: inout Policy) {
        OrgPolicy.grant(&policy)
    }

    package static let navigation: [NavItem] = [
        NavItem(titleKey: "home.title", path: PlatformRoute.home.path, permissions: [], order: 0),
        NavItem(titleKey: "ngo.title", path: OrgRoute.ngos.path, permissions: [.manageNGOs], order: 80),
        NavItem(titleKey: "office.title", path: OrgRoute.offices.path, permissions: [.manageOffices], order: 81),
        NavItem(titleKey: "user.title", path: OrgRoute.users.path, permissions: [.manageUsers], order: 82),
        NavItem(titleKey: "audit.title", path: OrgRoute.auditLog.path, permissions: [.readAuditLog], order: 83),
        NavItem(titleKey: "account.title", path: OrgRoute.account.path, permissions: [], order: 90),
    ]

    package static let auditActions = AuditAction.organisation
    package static let sealedColumns = [SealedColumn(table: User.schema, cipher: "totp_secret")]
    package static let openAPI = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }

    package static func routes(_ app: Application) throws {
        app.actorDirectory = OrgActorDirectory()
        LoginController.register(app.routes)
        HomeController.register(app.routes)
        NGOController.register(app.routes)
        OfficeController.register(app.routes)
        UserController.register(app.routes)
        AuditLogController.register(app.routes)
        TokenController.register(app.routes)
        TwoFactorController.register(app.routes)
        // Sign-in attempts per address, whatever the account (failures are also counted per account: LoginGuard).
        app.rateRules.append(RateRule(name: "sign-in", limit: 60, window: 60) { request in
            request.method == .POST && [PlatformRoute.login.path, OrgRoute.signInCode.path].contains(request.url.path)
                ? request.clientAddress : nil
        })
        app.middleware.use(TwoFactorRequirement())
        MeAPI.register(app.routes)
    }

    package static func loadDemo(into app: Application) async throws -> [String] {
        let loaded = try await DemoNetwork.loadIfEmpty(into: app)
        let password = DemoNetwork.password
        return [loaded ? "已载入演示数据 / Demo data loaded." : "使用已有数据 / Using the existing data.",
                "演示账号（密码均为 \(password)）/ Demo accounts (password \(password) for all):"]
            + DemoNetwork.accounts.map { account in
                let role = Localizer(.zhHans).role(account.role) + " / " + Localizer(.en).role(account.role)
                return "  \(account.login.padding(toLength: 14, withPad: " ", startingAt: 0)) \(role)"
            }
    }

    package static func commands(_ app: Application) {
        var user = AsyncCommands()
        user.use(UserCreateCommand(), as: "create")
        app.asyncCommands.use(user.group(help: "Manage user accounts."), as: "user")
        var token = AsyncCommands()
        token.use(TokenCreateCommand(), as: "create")
        app.asyncCommands.use(token.group(help: "Manage API tokens."), as: "token")
    }
}
