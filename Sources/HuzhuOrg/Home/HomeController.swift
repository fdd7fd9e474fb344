import HuzhuPlatform
import Plot
import Vapor

/// The home page is the person's work queue: the day's first action, then everything waiting for them
/// that the features contribute (`WorkSource`), most urgent first. Their account and the organisation
/// they can see are on the account page.
enum HomeController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(PlatformRoute.home) { request async throws -> Response in
            let actor = try request.requireActor()
            let items = try await request.workItems(for: actor)
            let t = request.t
            let primary = request.visibleNavigation.filter(\.primary)
            return request.page(t("home.title"), .group(
                .if(!primary.isEmpty, .p(.class("actions home-actions"), .forEach(primary) { item in
                    .a(.class("button primary"), .href(item.path), .text(t(item.titleKey)))
                })),
                WorkQueueView.render(items, t)))
        }
        routes.get(OrgRoute.account) { request async throws -> Response in
            let actor = try request.requireActor()
            let model = try await HomeQuery.load(for: actor, organisation: request.may(.readOrganisation, in: Policy.ownScope(of: actor)),
                                                 on: request.db)
            return request.page(request.t("account.title"), HomeView(model: model).render(request.pageContext))
        }
    }
}
