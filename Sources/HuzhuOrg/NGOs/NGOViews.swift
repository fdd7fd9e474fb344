import HuzhuCore
import HuzhuPlatform
import Plot

/// The list of member NGOs and the form to create or edit one.
enum NGOViews {
    struct Row {
        let id: UUID
        let name: String
        let city: String
        let officeCount: Int
    }

    static func list(_ rows: [Row], _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .p(.class("toolbar"), .text(t("list.count", String(rows.count))),
               .a(.class("button"), .href(OrgRoute.newNGO.path), .text(t("ngo.new")))),
            .if(rows.isEmpty, .p(.class("empty"), .text(t("ngo.empty")))),
            .if(!rows.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.name"))), .th(.text(t("field.city"))), .th(.text(t("ngo.offices"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.attribute(named: "data-label", value: t("field.name")),
                            .a(.href(OrgRoute.ngo(.of(row.id)).path), .text(row.name))),
                        .td(.attribute(named: "data-label", value: t("field.city")), .text(row.city)),
                        .td(.attribute(named: "data-label", value: t("ngo.offices")), .text(String(row.officeCount))))
                })))
        )
    }

    static func form(_ draft: NGODraft, errors: ValidationErrors, action: String, submit: String,
                     _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            Forms.errorSummary(errors, t),
            Forms.post(action, page,
                Forms.text("name", value: draft.name, errors: errors, t),
                Forms.text("city", value: draft.city, errors: errors, t),
                Forms.submit(submit)))
    }
}

import Foundation
