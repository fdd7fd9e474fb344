import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Merges duplicate workers into one survivor without losing anything: their contacts and callbacks
/// move to the survivor, their phone numbers join it, what the survivor lacks is taken from them, and
/// the merged records stay (pointing at the survivor) so that the audit trail that names them still
/// leads somewhere.
struct WorkerMerge {
    let db: any Database
    let cipher: FieldCipher
    /// What later features move along (a case's workers and claims).
    let steps: [WorkerMergeStep]

    func merge(_ others: [Worker], into survivor: Worker) async throws {
        let survivorID = try survivor.requireID()
        let otherIDs = try others.map { try $0.requireID() }
        try await Contact.query(on: db).set(\.$workerID, to: survivorID).filter(\.$workerID ~~ otherIDs).update()
        try await Callback.query(on: db).set(\.$workerID, to: survivorID).filter(\.$workerID ~~ otherIDs).update()
        for step in steps { try await step(otherIDs, survivorID, db) }

        let known = Set(try await WorkerPhone.query(on: db).filter(\.$workerID == survivorID).all().map(\.lookupHash))
        var seen = known
        for phone in try await WorkerPhone.query(on: db).filter(\.$workerID ~~ otherIDs).all() {
            if seen.insert(phone.lookupHash).inserted {
                phone.workerID = survivorID
                try await phone.save(on: db)
            } else {
                try await phone.delete(on: db)
            }
        }

        for other in others {
            survivor.birthYear = survivor.birthYear ?? other.birthYear
            survivor.homeProvince = survivor.homeProvince ?? other.homeProvince
            survivor.currentCity = survivor.currentCity ?? other.currentCity
            survivor.industry = survivor.industry ?? other.industry
            survivor.employer = survivor.employer ?? other.employer
            survivor.languages = survivor.languages ?? other.languages
            if survivor.gender == .unknown { survivor.gender = other.gender }
            if survivor.idCipher == nil {
                survivor.idCipher = other.idCipher
                survivor.idHash = other.idHash
                survivor.idNetworkHash = other.idNetworkHash
            }
            survivor.consentNetworkOn = survivor.consentNetworkOn ?? other.consentNetworkOn
            survivor.consentSMSOn = survivor.consentSMSOn ?? other.consentSMSOn
            survivor.consentStoryOn = survivor.consentStoryOn ?? other.consentStoryOn
            if let notes = try other.openNotes(cipher), !notes.isEmpty {
                survivor.notesCipher = try cipher.seal([try survivor.openNotes(cipher), notes].compactMap { $0 }.joined(separator: "\n"))
            }
            other.mergedInto = survivorID
            try await other.save(on: db)
        }
        try await survivor.save(on: db)
    }
}
