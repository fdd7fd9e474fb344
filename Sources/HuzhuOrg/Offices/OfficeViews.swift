import Foundation
import HuzhuCore
import HuzhuPlatform
import Plot

/// The offices within reach and the form to create or edit one.
enum OfficeViews {
    struct Row {
        let id: UUID
        let ngoName: String
        let name: String
        let city: String
        let code: String
    }

    static func list(_ rows: [Row], _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .p(.class("toolbar"), .text(t("list.count", String(rows.count))),
               .a(.class("button"), .href(OrgRoute.newOffice.path), .text(t("office.new")))),
            .if(rows.isEmpty, .p(.class("empty"), .text(t("office.empty")))),
            .if(!rows.isEmpty, .table(.class("stack"),
                .thead(.tr(.th(.text(t("field.code"))), .th(.text(t("field.name"))), .th(.text(t("field.city"))),
                           .th(.text(t("field.ngo"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.attribute(named: "data-label", value: t("field.code")), .text(row.code)),
                        .td(.attribute(named: "data-label", value: t("field.name")),
                            .a(.href(OrgRoute.office(.of(row.id)).path), .text(row.name))),
                        .td(.attribute(named: "data-label", value: t("field.city")), .text(row.city)),
                        .td(.attribute(named: "data-label", value: t("field.ngo")), .text(row.ngoName)))
                })))
        )
    }

    /// `ngos` is empty for a person who can only add offices to their own NGO: they get no choice.
    static func form(_ draft: OfficeDraft, ngos: [NGO], errors: ValidationErrors, action: String, submit: String,
                     _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            Forms.errorSummary(errors, t),
            Forms.post(action, page,
                .if(!ngos.isEmpty, Forms.select("ngo", options: ngos.map { ($0.id!.uuidString, $0.name) },
                                                selected: draft.ngo, errors: errors, t)),
                Forms.text("name", value: draft.name, errors: errors, t),
                Forms.text("city", value: draft.city, errors: errors, t),
                Forms.text("code", value: draft.code, errors: errors, t, hint: t("office.code_hint")),
                Forms.submit(submit)))
    }
}
