import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// A person's own API tokens: the live ones, a form for a new one, and the secret shown once.
enum TokenViews {
    static func list(_ tokens: [ApiToken], draftName: String?, errors: ValidationErrors,
                     _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .p(.text(t("token.explain"))),
            Forms.errorSummary(errors, t),
            Forms.post(OrgRoute.tokens.path, page,
                Forms.text("name", value: draftName, errors: errors, t, hint: t("token.name_hint")),
                Forms.submit(t("token.create"))),
            .if(tokens.isEmpty, .p(.class("empty"), .text(t("token.empty")))),
            .if(!tokens.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.name"))), .th(.text(t("token.hint"))), .th(.text(t("token.created"))),
                           .th(.text(t("token.last_used"))), .th(.text(t("field.action"))))),
                .tbody(.forEach(tokens) { token in
                    .tr(.td(.attribute(named: "data-label", value: t("field.name")), .text(token.name)),
                        .td(.attribute(named: "data-label", value: t("token.hint")), .code(.text(token.hint + "…"))),
                        .td(.attribute(named: "data-label", value: t("token.created")), .text(t.dateTime(token.createdAt))),
                        .td(.attribute(named: "data-label", value: t("token.last_used")),
                            .text(token.lastUsedAt.map(t.dateTime) ?? "—")),
                        .td(.attribute(named: "data-label", value: t("field.action")),
                            Forms.post(OrgRoute.revokeToken(.of(token.id!)).path, page,
                                .button(.type(.submit), .class("danger"), .text(t("token.revoke"))))))
                })))
        )
    }

    static func created(_ token: ApiToken, secret: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .div(.class("notice done"),
            .p(.text(t("token.shown_once", token.name))),
            .p(.code(.class("secret"), .text(secret))),
            .p(.a(.href(OrgRoute.tokens.path), .text(t("token.back")))))
    }
}
