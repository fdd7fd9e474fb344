import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// What one feature holds about a worker, for a request under PIPL: its records for the worker's
/// export (each a list of labelled fields, decrypted), how it anonymises them on erasure, and which of
/// a page of workers are still active in it (for the retention rule).
package struct WorkerDataPart: Sendable {
    package typealias Records = [[String: String]]
    package let section: String
    package let export: @Sendable (Worker, FieldCipher, any Database) async throws -> Records
    /// Takes the worker's free text and every trace of them out of the part's records.
    package let anonymise: @Sendable (Worker, WorkerTraces, FieldCipher, any Database) async throws -> Void
    package let activeSince: @Sendable ([UUID], Date, any Database) async throws -> Set<UUID>

    package init(section: String,
                 export: @escaping @Sendable (Worker, FieldCipher, any Database) async throws -> Records,
                 anonymise: @escaping @Sendable (Worker, WorkerTraces, FieldCipher, any Database) async throws -> Void,
                 activeSince: @escaping @Sendable ([UUID], Date, any Database) async throws -> Set<UUID>) {
        self.section = section
        self.export = export
        self.anonymise = anonymise
        self.activeSince = activeSince
    }
}

/// A worker's data rights: everything held about them in one readable file, and erasure that keeps the
/// records anonymous so that counts and amounts (and so the indicators) stay as they were.
package enum WorkerData {
    /// What an anonymised worker, and the free text of their records, read as.
    package static let anonymisedLabel = "（已匿名）"

    /// Everything held about the worker, by section, as pretty-printed JSON.
    package static func export(_ worker: Worker, app: Application, on db: any Database) async throws -> Data {
        var sections: [String: WorkerDataPart.Records] = [:]
        for part in app.workerDataParts { sections[part.section] = try await part.export(worker, app.fieldCipher, db) }
        let audit = try await AuditEvent.query(on: db).filter(\.$recordType == "worker").filter(\.$recordID == worker.requireID())
            .sort(\.$occurredAt).all()
        let iso = ISO8601DateFormatter()
        sections["audit"] = audit.map { ["when": iso.string(from: $0.occurredAt), "who": $0.actorLogin, "action": $0.action] }
        let document: [String: Any] = [
            "exported_at": iso.string(from: app.clock.now()),
            "about": "Everything Huzhu holds about one worker (PIPL art. 45). 互助系统中关于这位工友的全部信息（《个人信息保护法》第四十五条）。",
            "sections": sections,
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// Removes the worker's identifiers and free text everywhere, in one transaction; the records stay.
    /// The records merged into this one (duplicates of the same person) are anonymised with it.
    package static func anonymise(_ worker: Worker, by actor: UUID?, now: Date, app: Application, on db: any Database) async throws {
        guard worker.erasedAt == nil else { return }
        for absorbed in try await Worker.query(on: db).filter(\.$mergedInto == worker.requireID()).all() {
            try await anonymise(absorbed, by: actor, now: now, app: app, on: db)
        }
        // The traces first, while the worker still has the name, numbers and contacts the parts take out.
        let traces = try await traces(of: worker, cipher: app.fieldCipher, on: db)
        for part in app.workerDataParts { try await part.anonymise(worker, traces, app.fieldCipher, db) }
        try WorkerName.seal(WorkerData.anonymisedLabel, onto: worker, app.fieldCipher)
        worker.gender = .unknown
        worker.birthYear = nil
        worker.homeProvince = nil
        worker.currentCity = nil
        worker.industry = nil
        worker.employer = nil
        worker.languages = nil
        worker.notesCipher = nil
        worker.consentNetworkOn = nil
        worker.consentSMSOn = nil
        worker.consentStoryOn = nil
        worker.idCipher = nil
        worker.idHash = nil
        worker.idNetworkHash = nil
        worker.erasedAt = now
        worker.erasedBy = actor
        try await worker.save(on: db)
        try await WorkerName.index(worker, name: WorkerData.anonymisedLabel, app.fieldCipher, on: db)
    }

    private static func traces(of worker: Worker, cipher: FieldCipher, on db: any Database) async throws -> WorkerTraces {
        let id = try worker.requireID()
        let store = WorkerStore(db: db, cipher: cipher)
        var numbers = (try await store.phones(of: [id])[id] ?? []).map(\.digits)
        if let idNumber = try store.idNumber(of: worker) { numbers.append(idNumber) }
        var passages: [String] = []
        for contact in try await Contact.query(on: db).filter(\.$workerID == id).all() {
            passages += [try contact.openSummary(cipher), try contact.openAdvice(cipher)]
            if let sealed = contact.callbackCipher { numbers.append(try cipher.open(sealed)) }
        }
        return WorkerTraces(name: try worker.openName(cipher), numbers: numbers, passages: passages)
    }

    /// Which of these workers any feature saw active since `cutoff`: a query per feature for the lot.
    package static func active(_ workerIDs: [UUID], since cutoff: Date, app: Application, on db: any Database) async throws -> Set<UUID> {
        var active = Set<UUID>()
        for part in app.workerDataParts { active.formUnion(try await part.activeSince(workerIDs, cutoff, db)) }
        return active
    }
}

extension Application {
    private struct WorkerDataPartsKey: StorageKey { typealias Value = [WorkerDataPart] }

    /// Every feature's part of a worker's data.
    package var workerDataParts: [WorkerDataPart] {
        get { storage[WorkerDataPartsKey.self] ?? [] }
        set { storage[WorkerDataPartsKey.self] = newValue }
    }
}
