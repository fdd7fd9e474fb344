import Fluent
import Foundation
import Vapor

/// What was done, named by the feature that does it (`org.user.create`, `org.user.view`).
package struct AuditAction: Hashable, Sendable {
    package let name: String
    package init(_ name: String) { self.name = name }
}

/// One row of the append-only audit log: who did what to which record, when, and from where.
package final class AuditEvent: Model, TenantRecord, @unchecked Sendable {
    package static let schema = "audit_events"

    /// A sequence number: the log's order, and the keyset by which it is paged.
    @ID(custom: .id, generatedBy: .database) package var id: Int64?
    @Field(key: "occurred_at") package var occurredAt: Date
    @OptionalField(key: "actor_user_id") package var actorUserID: UUID?
    @Field(key: "actor_login") package var actorLogin: String
    /// The NGO whose data was touched; the tenant key that lets an NGO admin read their own NGO's log.
    @OptionalField(key: "ngo_id") package var ngoID: UUID?
    @Field(key: "action") package var action: String
    @Field(key: "record_type") package var recordType: String
    @OptionalField(key: "record_id") package var recordID: UUID?
    @Field(key: "address") package var address: String
    /// Written only from an `AuditDetail`: ids, codes, field names and counts, never words about a person.
    @OptionalField(key: "detail") package var detail: String?

    package init() {}
}

/// Who did something and from where: a signed-in person at an address, or an operator at the console.
package struct AuditSource: Sendable {
    package let userID: UUID?
    package let login: String
    package let address: String

    package init(userID: UUID?, login: String, address: String) {
        self.userID = userID
        self.login = login
        self.address = address
    }

    /// The `huzhu` command line, run by whoever operates the server.
    package static let console = AuditSource(userID: nil, login: "console", address: "console")
}

extension AuditEvent {
    /// Records an action. Call it on the same database handle as the change it describes (inside its
    /// transaction), so the change and its record stand or fall together.
    package static func record(_ action: AuditAction, by source: AuditSource, at time: Date, recordType: String,
                               recordID: UUID?, ngoID: UUID?, detail: AuditDetail? = nil, on db: any Database) async throws {
        let event = AuditEvent()
        event.occurredAt = time
        event.actorUserID = source.userID
        event.actorLogin = source.login
        event.ngoID = ngoID
        event.action = action.name
        event.recordType = recordType
        event.recordID = recordID
        event.address = source.address
        event.detail = detail?.text
        try await event.create(on: db)
    }
}

extension Application {
    private struct AuditActionsKey: StorageKey { typealias Value = [AuditAction] }

    /// Every action the features record, in registration order.
    package var auditActions: [AuditAction] {
        get { storage[AuditActionsKey.self] ?? [] }
        set { storage[AuditActionsKey.self] = newValue }
    }
}

extension Request {
    package var auditSource: AuditSource {
        AuditSource(userID: actor?.userID, login: actor?.login ?? "-", address: clientAddress)
    }

    /// Records an action of this request's person (see `AuditEvent.record`).
    package func audit(_ action: AuditAction, recordType: String, recordID: UUID?, ngoID: UUID?,
                       detail: AuditDetail? = nil, on db: (any Database)? = nil) async throws {
        let (source, now) = (auditSource, application.clock.now())
        try await (db ?? self.db).write { db in
            try await AuditEvent.record(action, by: source, at: now, recordType: recordType, recordID: recordID, ngoID: ngoID,
                                        detail: detail, on: db)
        }
    }
}
