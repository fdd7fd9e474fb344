import HuzhuPlatform
import Vapor

enum HomeController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(PlatformRoute.home) { request async throws -> Response in
            let actor = try request.requireActor()
            let model = try await HomeQuery.load(for: actor, on: request.db)
            return request.page(request.t("home.title"), HomeView(model: model).render(request.pageContext))
        }
    }
}
