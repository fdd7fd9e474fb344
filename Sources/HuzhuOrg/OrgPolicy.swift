import HuzhuCore
import HuzhuPlatform

extension Permission {
    /// Create and rename member NGOs. Scope: the network.
    static let manageNGOs = Permission("org.ngos.manage")
    /// Create and edit an NGO's offices. Scope: the NGO.
    static let manageOffices = Permission("org.offices.manage")
    /// Create, edit, deactivate users and reset their passwords. Scope: the NGO (the network for
    /// accounts that belong to no NGO).
    static let manageUsers = Permission("org.users.manage")
    /// See one's organisation on the home page: its offices, their active accounts, one's colleagues.
    /// Staff and volunteers; never an enterprise's liaison or a worker's group leader. Scope: one's own.
    static let readOrganisation = Permission("org.organisation.read")
    /// Read the audit log. Scope: the NGO whose records were touched (the network for all of it).
    static let readAuditLog = Permission("org.audit.read")
    /// Keep one's own API tokens. Scope: one's own.
    static let ownTokens = Permission("org.tokens.own")
    /// Set up one's own second factor for signing in. Scope: one's own.
    static let ownSecondFactor = Permission("org.second_factor.own")
}

extension AuditAction {
    static let login = AuditAction("auth.login")
    static let loginFailed = AuditAction("auth.login_failed")
    static let logout = AuditAction("auth.logout")
    static let createNGO = AuditAction("org.ngo.create")
    static let updateNGO = AuditAction("org.ngo.update")
    static let createOffice = AuditAction("org.office.create")
    static let updateOffice = AuditAction("org.office.update")
    static let createUser = AuditAction("org.user.create")
    static let updateUser = AuditAction("org.user.update")
    static let viewUser = AuditAction("org.user.view")
    static let resetPassword = AuditAction("org.user.reset_password")
    static let createToken = AuditAction("org.token.create")
    static let revokeToken = AuditAction("org.token.revoke")
    static let loadDemo = AuditAction("org.demo.load")
    static let enableTwoFactor = AuditAction("auth.two_factor.enable")
    static let disableTwoFactor = AuditAction("auth.two_factor.disable")
    static let renewRecoveryCodes = AuditAction("auth.two_factor.recovery_codes")

    /// Every action this feature records, for the audit log's filter.
    static let organisation: [AuditAction] = [
        .login, .loginFailed, .logout, .createNGO, .updateNGO, .createOffice, .updateOffice,
        .createUser, .updateUser, .viewUser, .resetPassword, .createToken, .revokeToken, .loadDemo,
        .enableTwoFactor, .disableTwoFactor, .renewRecoveryCodes,
    ]
}

enum OrgPolicy {
    static func grant(_ policy: inout Policy) {
        policy.grant(.manageNGOs, to: [.networkAdmin])
        policy.grant(.manageOffices, to: [.networkAdmin, .ngoAdmin])
        policy.grant(.manageUsers, to: [.networkAdmin, .ngoAdmin])
        policy.grant(.readAuditLog, to: [.networkAdmin, .ngoAdmin])
        policy.grant(.readOrganisation, to: [.networkAdmin, .ngoAdmin, .officeSupervisor, .caseworker, .hotlineVolunteer,
                                             .volunteerLawyer])
        policy.grant(.ownTokens, to: Set(Role.allCases), within: .anywhere)
        policy.grant(.ownSecondFactor, to: Set(Role.allCases), within: .anywhere)
    }

    /// The roles a person may give: never one that reaches further than their own, so an NGO admin
    /// cannot make a network admin.
    static func assignableRoles(by actor: Actor) -> [Role] {
        Policy.assignableRoles(by: actor)
    }
}
