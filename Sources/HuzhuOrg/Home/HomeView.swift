import HuzhuCore
import HuzhuPlatform
import Plot

/// The account page: who I am here, my sign-in settings, the organisation I can see, and what I did last.
struct HomeView {
    let model: HomeModel

    func render(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let actor = model.actor
        return .group(
            .section(.class("card"), .h2(.text(t("home.account"))),
                .dl(
                    .dt(.text(t("field.display_name"))), .dd(.text(actor.displayName)),
                    .dt(.text(t("field.login"))), .dd(.text(actor.login)),
                    .dt(.text(t("field.role"))), .dd(.text(t.role(actor.role))),
                    .dt(.text(t("field.ngo"))), .dd(.text(actor.ngoName ?? t("home.whole_network"))),
                    .dt(.text(t("field.office"))), .dd(.text(actor.officeName ?? "—")),
                    .dt(.text(t("home.last_login"))), .dd(.text(model.previousLoginAt.map(t.dateTime) ?? t("home.first_login")))
                ),
                .p(.class("actions"),
                   .a(.class("button"), .href(OrgRoute.tokens.path), .text(t("token.title"))),
                   .a(.class("button"), .href(OrgRoute.twoFactor.path), .text(t("twofactor.title"))))),
            .if(model.showsOrganisation, .section(.class("card"), .h2(.text(t("home.organisation"))),
                .p(.text(t("home.summary", String(model.ngoCount), String(model.offices.count),
                           String(model.offices.reduce(0) { $0 + $1.activeUsers })))),
                .if(model.offices.isEmpty, .p(.class("empty"), .text(t("home.no_offices")))),
                .if(!model.offices.isEmpty, .table(.class("stack"),
                    .thead(.tr(.th(.text(t("field.ngo"))), .th(.text(t("field.office"))), .th(.text(t("field.code"))),
                               .th(.text(t("field.city"))), .th(.text(t("home.active_users"))))),
                    .tbody(.forEach(model.offices) { row in
                        .tr(.td(.attribute(named: "data-label", value: t("field.ngo")), .text(row.ngoName)),
                            .td(.attribute(named: "data-label", value: t("field.office")), .text(row.officeName)),
                            .td(.attribute(named: "data-label", value: t("field.code")), .text(row.code)),
                            .td(.attribute(named: "data-label", value: t("field.city")), .text(row.city)),
                            .td(.attribute(named: "data-label", value: t("home.active_users")), .text(String(row.activeUsers))))
                    }))))),
            .if(model.showsOrganisation && model.worksInOneOffice, .section(.class("card"), .h2(.text(t("home.colleagues"))),
                .if(model.colleagues.isEmpty, .p(.class("empty"), .text(t("home.no_colleagues")))),
                .ul(.forEach(model.colleagues) { colleague in
                    .li(.text("\(colleague.displayName) · \(t.role(colleague.role))"))
                }))),
            .section(.class("card"), .h2(.text(t("home.recent_activity"))),
                .if(model.recentActivity.isEmpty, .p(.class("empty"), .text(t("home.no_activity")))),
                .ul(.forEach(model.recentActivity) { entry in
                    .li(.text("\(t.dateTime(entry.occurredAt)) · \(t("audit.action.\(entry.action)"))"))
                }))
        )
    }
}
