import Foundation
import Vapor

/// An id inside a URL: a real id when building a link, the `:id` parameter when registering the route.
/// One enum of routes per feature thus serves both, and no path is spelled twice.
package struct RouteID: Sendable {
    package let text: String

    package static let parameter = RouteID(text: ":id")
    package static func of(_ id: UUID) -> RouteID { RouteID(text: id.uuidString.lowercased()) }
}

/// A feature's URLs. `path` builds links; `components` registers the handler.
package protocol TypedRoute: Sendable {
    var path: String { get }
}

extension TypedRoute {
    package var components: [PathComponent] { path.pathComponents }
}

extension RoutesBuilder {
    @discardableResult
    package func get<Response: AsyncResponseEncodable>(
        _ route: some TypedRoute, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.GET, route.components, use: handler)
    }

    @discardableResult
    package func post<Response: AsyncResponseEncodable>(
        _ route: some TypedRoute, use handler: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.POST, route.components, use: handler)
    }
}

extension Request {
    /// The `:id` of a typed route; a malformed id is simply a page that does not exist.
    package func routeID() throws -> UUID {
        guard let id = parameters.get("id", as: UUID.self) else { throw HuzhuAbort.notFound }
        return id
    }
}
