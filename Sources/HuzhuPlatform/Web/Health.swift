import Vapor

/// `GET /healthz`: whether the server can reach its database, for monitors and load balancers.
package struct HealthReport: Content {
    package let status: String
    package let database: String
    package let driver: String
}

extension Application {
    package func registerHealthCheck() {
        get("healthz") { request async -> Response in
            let driver = request.db.isSQLite ? "sqlite" : "postgresql"
            let up = (try? await request.db.ping()) != nil
            let report = HealthReport(status: up ? "ok" : "unavailable", database: up ? "up" : "down", driver: driver)
            let response = Response(status: up ? .ok : .serviceUnavailable)
            try? response.content.encode(report)
            return response
        }
    }
}
