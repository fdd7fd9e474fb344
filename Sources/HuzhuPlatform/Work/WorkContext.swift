import Fluent
import Foundation
import HuzhuCore
import Vapor

/// What a feature's command needs of the world, and nothing of HTTP: the database (inside `write`, the
/// transaction), the clock, the cipher, who acts from where (for the audit log) and the policy that
/// decides what they may do. The pages and the API make one from their request (`Request.workContext`);
/// tests make one directly.
package struct WorkContext: Sendable {
    package let db: any Database
    package let clock: any HuzhuClock
    package let cipher: FieldCipher
    package let actor: Actor
    package let source: AuditSource
    package let policy: Policy

    package init(db: any Database, clock: any HuzhuClock, cipher: FieldCipher, actor: Actor, source: AuditSource,
                 policy: Policy) {
        self.db = db
        self.clock = clock
        self.cipher = cipher
        self.actor = actor
        self.source = source
        self.policy = policy
    }

    /// Whether the actor may do this here (the policy's `allows`).
    package func may(_ permission: Permission, in scope: Scope) -> Bool { policy.allows(actor, permission, in: scope) }

    /// The actor's own office, if they may do this in it; otherwise forbidden.
    package func ownOffice(_ permission: Permission) throws -> (ngo: UUID, office: UUID) {
        guard let ngo = actor.ngoID, let office = actor.officeID, may(permission, in: .office(ngo: ngo, office: office)) else {
            throw HuzhuAbort(.forbidden, "error.forbidden")
        }
        return (ngo, office)
    }

    package var now: Date { clock.now() }
    /// The actor's language, for the words a command writes (a timeline line).
    package var t: Localizer { Localizer(actor.language) }
    package var today: CalendarDate { CalendarDate(now) }

    /// Runs `body` in one transaction (`write`), with this context on it: the change and its audit rows
    /// stand or fall together.
    package func write<T: Sendable>(_ body: @escaping @Sendable (WorkContext) async throws -> T) async throws -> T {
        try await db.write { db in try await body(on(db)) }
    }

    /// The same context on another handle of the database (a transaction).
    package func on(_ db: any Database) -> WorkContext {
        WorkContext(db: db, clock: clock, cipher: cipher, actor: actor, source: source, policy: policy)
    }

    /// Records an action of the actor, on this context's database handle (the change's transaction).
    package func audit(_ action: AuditAction, recordType: String, recordID: UUID?, ngoID: UUID?,
                       detail: AuditDetail? = nil) async throws {
        let (source, now) = (source, now)
        try await db.write { db in
            try await AuditEvent.record(action, by: source, at: now, recordType: recordType, recordID: recordID, ngoID: ngoID,
                                        detail: detail, on: db)
        }
    }
}

extension Request {
    /// The context of a command run for the signed-in person.
    package func workContext() throws -> WorkContext {
        WorkContext(db: db, clock: application.clock, cipher: application.fieldCipher, actor: try requireActor(),
                    source: auditSource, policy: application.policy)
    }
}
