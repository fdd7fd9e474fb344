import HuzhuPlatform

/// The organisation feature's URLs.
enum OrgRoute: TypedRoute {
    case ngos, newNGO, ngo(RouteID)
    case offices, newOffice, office(RouteID)
    case users, newUser, user(RouteID), resetPassword(RouteID)
    case auditLog
    case account, tokens, revokeToken(RouteID)
    case apiMe
    case signInCode, twoFactor, twoFactorStart, twoFactorEnable, twoFactorDisable, twoFactorRecoveryCodes

    var path: String {
        switch self {
        case .ngos: "/admin/ngos"
        case .newNGO: "/admin/ngos/new"
        case .ngo(let id): "/admin/ngos/\(id.text)"
        case .offices: "/admin/offices"
        case .newOffice: "/admin/offices/new"
        case .office(let id): "/admin/offices/\(id.text)"
        case .users: "/admin/users"
        case .newUser: "/admin/users/new"
        case .user(let id): "/admin/users/\(id.text)"
        case .resetPassword(let id): "/admin/users/\(id.text)/password"
        case .auditLog: "/admin/audit"
        case .account: "/account"
        case .tokens: "/tokens"
        case .revokeToken(let id): "/tokens/\(id.text)/revoke"
        case .apiMe: "/api/v1/me"
        case .signInCode: "/login/code"
        case .twoFactor: "/account/two-factor"
        case .twoFactorStart: "/account/two-factor/start"
        case .twoFactorEnable: "/account/two-factor/enable"
        case .twoFactorDisable: "/account/two-factor/disable"
        case .twoFactorRecoveryCodes: "/account/two-factor/recovery-codes"
        }
    }
}
