import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The user form as typed, and its validation against who is editing.
struct UserDraft: Content {
    var login: String?
    var display_name: String?
    var role: String?
    var ngo: String?
    var office: String?
    var language: String?
    var active: String?

    init() {}

    init(_ user: User) {
        login = user.login
        display_name = user.displayName
        role = user.role.rawValue
        ngo = user.ngoID?.uuidString
        office = user.officeID?.uuidString
        language = user.language.rawValue
        active = user.active ? "on" : nil
    }

    /// The NGO the user is to belong to: an NGO-wide editor's own, else the one chosen.
    func ngoID(editor: Actor) -> UUID? {
        let tenant = Policy.tenant(of: editor)
        return tenant == .network ? ngo.flatMap(UUID.init(uuidString:)) : tenant.ngoID
    }

    /// Checks the draft and, when valid, writes it into the user; otherwise throws `ValidationErrors`.
    /// A person cannot give a role beyond their own reach, nor change their own role or switch themselves off.
    func apply(to user: User, editor: Actor, on db: any Database) async throws {
        var errors = ValidationErrors()
        let isNew = user.id == nil
        let isSelf = user.id == editor.userID
        let login = isNew ? errors.check { () throws(FieldError) in try OrgNames.login(self.login ?? "") } : user.login
        let name = errors.check { () throws(FieldError) in try OrgNames.displayName(self.display_name ?? "", field: "display_name") }
        let role = role.flatMap(Role.init(rawValue:))
        let language = language.flatMap(Language.init(rawValue:)) ?? .default
        let active = isNew || active == "on"
        if role == nil || !OrgPolicy.assignableRoles(by: editor).contains(role!) { errors.add("role", "error.role_invalid") }
        if isSelf && role != user.role { errors.add("role", "error.own_role") }
        if isSelf && !active { errors.add("active", "error.own_deactivation") }

        var ngoID = role?.requiresNGO == false ? nil : self.ngoID(editor: editor)
        var officeID = role?.requiresNGO == false ? nil : office.flatMap(UUID.init(uuidString:))
        if ngoID == nil, let officeID, let office = try await Office.find(officeID, on: db) {
            ngoID = office.ngoID  // choosing an office is choosing its NGO
        }
        if let role, role.requiresNGO {
            if let id = ngoID, try await NGO.find(id, on: db) != nil {
                if let id = officeID, try await Office.query(on: db).filter(\.$id == id).filter(\.$ngoID == ngoID!).count() == 0 {
                    errors.add("office", "error.office_not_in_ngo")
                    officeID = nil
                }
            } else {
                errors.add("ngo", "error.required")
                ngoID = nil
            }
            if role.requiresOffice && officeID == nil && errors.messageKey(for: "office") == nil {
                errors.add("office", "error.office_required")
            }
        }
        if isNew, let login, try await User.query(on: db).filter(\.$login == login).count() > 0 {
            errors.add("login", "error.login_taken")
        }
        try errors.throwIfAny()
        user.login = login!
        user.displayName = name!
        user.role = role!
        user.ngoID = ngoID
        user.officeID = officeID
        user.language = language
        user.active = active
    }
}
