import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The audit log as an admin filters it: newest first, paged by sequence number so a deep page costs
/// what the first does.
struct AuditLogFilter: Content {
    var action: String?
    var login: String?
    var record: String?
    /// Keyset cursor: the sequence number of the last row of the previous page.
    var before: String?

    init(action: String? = nil, login: String? = nil, record: String? = nil, before: String? = nil) {
        self.action = action
        self.login = login
        self.record = record
        self.before = before
    }

    static let pageSize = 50
}

struct AuditLogPage {
    let events: [AuditEvent]
    let nextCursor: String?
}

enum AuditLogQuery {
    static func load(_ filter: AuditLogFilter, visible: Visibility, on db: any Database) async throws -> AuditLogPage {
        let query = AuditEvent.query(on: db).visible(visible)
        if let action = filter.action, !action.isEmpty { query.filter(\.$action == action) }
        if let login = filter.login?.trimmingCharacters(in: .whitespaces).lowercased(), !login.isEmpty {
            query.filter(\.$actorLogin == login)
        }
        if let record = filter.record.flatMap(UUID.init(uuidString:)) { query.filter(\.$recordID == record) }
        if let before = filter.before.flatMap(Int64.init) { query.filter(\.$id < before) }
        let events = try await query.sort(\.$id, .descending)
            .limit(AuditLogFilter.pageSize + 1).all()
        let page = Array(events.prefix(AuditLogFilter.pageSize))
        let next = events.count > AuditLogFilter.pageSize ? page.last.map { String($0.id!) } : nil
        return AuditLogPage(events: page, nextCursor: next)
    }
}
