import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// What a registration needs: the database, the key, the time, and who is recorded as registering — a
/// member of staff, or the worker themselves through a training's public link (no one signed in).
struct Registrar: Sendable {
    let db: any Database
    let cipher: FieldCipher
    let now: Date
    let source: AuditSource

    init(db: any Database, cipher: FieldCipher, now: Date, source: AuditSource) {
        self.db = db
        self.cipher = cipher
        self.now = now
        self.source = source
    }

    init(_ work: WorkContext) {
        self.init(db: work.db, cipher: work.cipher, now: work.now, source: work.source)
    }

    /// The worker's own sign-up through the public link.
    init(public request: Request) {
        self.init(db: request.db, cipher: request.application.fieldCipher, now: request.application.clock.now(),
                  source: AuditSource(userID: nil, login: "-", address: request.clientAddress))
    }

    var userID: UUID? { source.userID }
    var today: CalendarDate { CalendarDate(now) }

    /// Runs `body` in one transaction, with this registrar on its handle.
    func write<T: Sendable>(_ body: @escaping @Sendable (Registrar) async throws -> T) async throws -> T {
        try await db.write { db in try await body(Registrar(db: db, cipher: cipher, now: now, source: source)) }
    }

    func audit(_ action: AuditAction, training: Training, worker: UUID) async throws {
        try await AuditEvent.record(action, by: source, at: now, recordType: "training", recordID: training.id, ngoID: training.ngoID,
                                    detail: .record("worker", worker), on: db)
    }
}
