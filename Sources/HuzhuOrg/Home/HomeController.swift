import HuzhuPlatform
import Plot
import Vapor

enum HomeController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(PlatformRoute.home) { request async throws -> Response in
            let actor = try request.requireActor()
            let model = try await HomeQuery.load(for: actor, organisation: request.may(.readOrganisation, in: Policy.ownScope(of: actor)),
                                                 on: request.db)
            var panels: [Node<HTML.BodyContext>] = []
            for panel in request.application.homePanels {
                if let node = try await panel(request, actor) { panels.append(node) }
            }
            return request.page(request.t("home.title"),
                                .group(.group(panels), HomeView(model: model).render(request.pageContext)))
        }
    }
}
