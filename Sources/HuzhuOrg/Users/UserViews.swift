import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The accounts within reach, the account form, and the one-time display of a new password.
enum UserViews {
    struct Row {
        let id: UUID
        let login: String
        let displayName: String
        let role: Role
        let place: String
        let active: Bool
    }

    struct Choices {
        let roles: [Role]
        /// NGOs as (id, name) pairs; empty for a person who can only add accounts to their own NGO.
        let ngos: [(value: String, label: String)]
        /// Offices as (id, "NGO / office") pairs.
        let offices: [(value: String, label: String)]
    }

    static func list(_ rows: [Row], nextAfter: String?, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .p(.class("toolbar"), .text(t("list.count", String(rows.count))),
               .a(.class("button"), .href(OrgRoute.newUser.path), .text(t("user.new")))),
            .if(rows.isEmpty, .p(.class("empty"), .text(t("user.empty")))),
            .if(!rows.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.login"))), .th(.text(t("field.display_name"))), .th(.text(t("field.role"))),
                           .th(.text(t("user.place"))), .th(.text(t("field.active"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.attribute(named: "data-label", value: t("field.login")),
                            .a(.href(OrgRoute.user(.of(row.id)).path), .text(row.login))),
                        .td(.attribute(named: "data-label", value: t("field.display_name")), .text(row.displayName)),
                        .td(.attribute(named: "data-label", value: t("field.role")), .text(t.role(row.role))),
                        .td(.attribute(named: "data-label", value: t("user.place")), .text(row.place)),
                        .td(.attribute(named: "data-label", value: t("field.active")),
                            .span(.class(row.active ? "status done" : "status neutral"),
                                  .text(t(row.active ? "user.active" : "user.inactive")))))
                }))),
            .unwrap(nextAfter) { after in
                .p(.a(.class("button"), .href(queryLink(OrgRoute.users.path, [("after", after)]).attributeEscaped), .text(t("list.next"))))
            }
        )
    }

    static func form(_ draft: UserDraft, choices: Choices, errors: ValidationErrors, userID: UUID?,
                     _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let action = userID.map { OrgRoute.user(.of($0)).path } ?? OrgRoute.newUser.path
        return .group(
            Forms.errorSummary(errors, t),
            Forms.post(action, page,
                .if(userID == nil, Forms.text("login", value: draft.login, errors: errors, t, hint: t("user.login_hint"))),
                .if(userID != nil, .p(.strong(.text(t("field.login") + ": ")), .text(draft.login ?? ""))),
                Forms.text("display_name", value: draft.display_name, errors: errors, t),
                Forms.select("role", options: choices.roles.map { ($0.rawValue, t.role($0)) }, selected: draft.role,
                             errors: errors, t),
                .if(!choices.ngos.isEmpty, Forms.select("ngo", options: choices.ngos,
                                                        selected: draft.ngo, errors: errors, t, required: false)),
                Forms.select("office", options: choices.offices, selected: draft.office, errors: errors, t, required: false),
                Forms.select("language", options: Language.allCases.map { ($0.rawValue, $0.nativeName) },
                             selected: draft.language ?? Language.default.rawValue, errors: errors, t),
                .if(userID != nil, Forms.checkbox("active", checked: draft.active == "on", t)),
                Forms.submit(t(userID == nil ? "form.create" : "form.save"))),
            .unwrap(userID) { id in
                .section(.class("card"), .h2(.text(t("user.reset_password"))),
                    .p(.text(t("user.reset_password_explain"))),
                    Forms.post(OrgRoute.resetPassword(.of(id)).path, page,
                        .div(.class("field check"),
                             .input(.type(.checkbox), .id("field-confirm"), .name("confirm"), .value("on"), .required(true)),
                             .label(.for("field-confirm"), .text(t("field.confirm")))),
                        .button(.type(.submit), .class("danger"), .text(t("user.reset_password")))))
            }
        )
    }

    /// Shown once, right after the password was made; it is never stored in clear nor shown again.
    static func password(login: String, password: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .div(.class("notice done"),
            .p(.text(t("user.password_once", login))),
            .p(.code(.class("secret"), .text(password))),
            .p(.a(.href(OrgRoute.users.path), .text(t("user.back_to_list")))))
    }
}
