import HuzhuPlatform
import Vapor

/// The audit log: the network admin reads all of it, an NGO admin what touched their NGO.
enum AuditLogController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(OrgRoute.auditLog) { request async throws -> Response in
            try request.inOwnScope(.readAuditLog)
            let filter = try request.query.decode(AuditLogFilter.self)
            let page = try await AuditLogQuery.load(filter, visible: try request.visibility(.readAuditLog), on: request.db)
            return request.page(request.t("audit.title"),
                                AuditLogView.render(page, filter: filter, actions: request.application.auditActions, request.pageContext))
        }
    }
}
