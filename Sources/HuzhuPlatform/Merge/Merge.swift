import Fluent
import Foundation
import HuzhuCore

/// A record of which duplicates are merged into one survivor (a worker, an employer): the merged
/// records stay, pointing at the survivor, so that whatever names them (the audit trail) still leads
/// somewhere.
package protocol Mergeable: Model, TenantRecord where IDValue == UUID {
    /// The survivor this record was merged into.
    var mergedInto: UUID? { get set }
    /// Takes from a merged duplicate what this record lacks.
    func fillGaps(from other: Self, cipher: FieldCipher) throws
    /// The audit log's name of the merge and of the record type.
    static var mergeAction: AuditAction { get }
    static var auditRecordType: String { get }
}

/// Moves what points at the merged records (`merged`) to the survivor, on the merge's transaction; each
/// feature that keeps such records adds its step.
package typealias MergeStep = @Sendable (_ merged: [UUID], _ survivor: UUID, any Database) async throws -> Void

/// The one merge routine: the ids are checked (two or more, the survivor among them, all of the actor's
/// NGO and not merged already), every step moves its records to the survivor, the survivor fills its
/// gaps from the others, the others stay pointing at it, and both sides are audited — in one transaction.
package enum Merge {
    package static func run<Record: Mergeable>(_ ids: Set<UUID>, into survivorID: UUID?, steps: [MergeStep],
                                               in work: WorkContext) async throws -> Record {
        guard let survivorID, ids.contains(survivorID), ids.count >= 2 else {
            throw HuzhuAbort(.unprocessableEntity, "error.merge_choice")
        }
        let records = try await Record.query(on: work.db).filter(\._$id ~~ Array(ids)).visible(Policy.tenant(of: work.actor))
            .filter(.path([FieldKey("merged_into")], schema: Record.schema), .equal, .null).all()
        guard records.count == ids.count, let survivor = records.first(where: { $0.id == survivorID }) else {
            throw HuzhuAbort.notFound
        }
        let others = records.filter { $0.id != survivorID }
        let merged = others.compactMap(\.id)
        let ngoID = work.actor.ngoID
        return try await work.write { work in
            for step in steps { try await step(merged, survivorID, work.db) }
            for other in others {
                try survivor.fillGaps(from: other, cipher: work.cipher)
                other.mergedInto = survivorID
                try await other.save(on: work.db)
            }
            try await survivor.save(on: work.db)
            try await work.audit(Record.mergeAction, recordType: Record.auditRecordType, recordID: survivorID, ngoID: ngoID,
                                 detail: .count(others.count, "records absorbed"))
            for id in merged {
                try await work.audit(Record.mergeAction, recordType: Record.auditRecordType, recordID: id, ngoID: ngoID,
                                     detail: .record("merged into", survivorID))
            }
            return survivor
        }
    }
}
