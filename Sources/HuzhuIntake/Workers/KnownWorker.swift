import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Saving a new worker stopped because the NGO may already know them: a record with one of their phone
/// numbers, or with the same name and birth year. The person saving says which it is — the same person
/// (the contact uses the record) or a different one (`SaveWorker.differentPerson`) — and saves again.
struct PossibleDuplicate: Error, Sendable {
    let matches: [PhoneLookup.WorkerCard]
}

enum KnownWorker {
    /// Throws `PossibleDuplicate` when `values` match a worker of the NGO, unless the person saving
    /// already said this is a different person. Each match shown is audited as a read.
    static func stopIfKnown(_ values: WorkerValues, confirmedDifferent: Bool, ngoID: UUID, in work: WorkContext) async throws {
        guard !confirmedDifferent else { return }
        let matches = try await matching(values, ngoID: ngoID, cipher: work.cipher, on: work.db)
        guard !matches.isEmpty else { return }
        for match in matches {
            try await work.audit(.viewWorker, recordType: "worker", recordID: match.id, ngoID: ngoID,
                                 detail: AuditDetail("duplicate check"))
        }
        throw PossibleDuplicate(matches: matches)
    }

    /// The NGO's workers (not merged away) sharing a phone number with `values`, or its name and birth year.
    static func matching(_ values: WorkerValues, ngoID: UUID, cipher: FieldCipher, on db: any Database) async throws -> [PhoneLookup.WorkerCard] {
        var ids: [UUID] = []
        let hashes = values.phones.flatMap { cipher.lookupHashes($0.digits) }
        if !hashes.isEmpty {
            ids += try await WorkerPhone.query(on: db).filter(\.$ngoID == ngoID).filter(\.$lookupHash ~~ hashes).all().map(\.workerID)
        }
        if let year = values.birthYear {
            ids += try await Worker.query(on: db).filter(\.$ngoID == ngoID).filter(\.$nameHash == WorkerName.hash(values.name, cipher))
                .filter(\.$birthYear == year).all().compactMap(\.id)
        }
        guard !ids.isEmpty else { return [] }
        let workers = try await Worker.query(on: db).filter(\.$id ~~ Array(Set(ids))).filter(\.$mergedInto == nil).sort(\.$createdAt).all()
        let phones = try await WorkerStore(db: db, cipher: cipher).phones(of: workers.compactMap(\.id))
        return try workers.map { try PhoneLookup.WorkerCard($0, phones: phones[$0.id!] ?? [], cipher) }
    }
}
