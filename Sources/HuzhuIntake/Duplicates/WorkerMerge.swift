import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// A worker merged (`Merge.run`) keeps what it has and takes what it lacks from its duplicates; their
/// notes are added to its own.
extension Worker: Mergeable {
    package static var mergeAction: AuditAction { .mergeWorkers }
    package static let auditRecordType = "worker"

    package func fillGaps(from other: Worker, cipher: FieldCipher) throws {
        birthYear = birthYear ?? other.birthYear
        homeProvince = homeProvince ?? other.homeProvince
        currentCity = currentCity ?? other.currentCity
        industry = industry ?? other.industry
        employer = employer ?? other.employer
        languages = languages ?? other.languages
        if gender == .unknown { gender = other.gender }
        if idCipher == nil {
            idCipher = other.idCipher
            idHash = other.idHash
            idNetworkHash = other.idNetworkHash
        }
        consentNetworkOn = consentNetworkOn ?? other.consentNetworkOn
        consentSMSOn = consentSMSOn ?? other.consentSMSOn
        consentStoryOn = consentStoryOn ?? other.consentStoryOn
        if let notes = try other.openNotes(cipher), !notes.isEmpty {
            notesCipher = try cipher.seal([try openNotes(cipher), notes].compactMap { $0 }.joined(separator: "\n"))
        }
    }
}

/// What Intake moves when workers merge: their contacts and callbacks, and their phone numbers (one the
/// survivor already has is dropped). Later features add theirs (`Application.workerMergeSteps`).
enum WorkerMerge {
    static let steps: [MergeStep] = [
        { merged, survivor, db in
            try await Contact.query(on: db).set(\.$workerID, to: survivor).filter(\.$workerID ~~ merged).update()
            try await Callback.query(on: db).set(\.$workerID, to: survivor).filter(\.$workerID ~~ merged).update()
        },
        { merged, survivor, db in
            var seen = Set(try await WorkerPhone.query(on: db).filter(\.$workerID == survivor).all().map(\.lookupHash))
            for phone in try await WorkerPhone.query(on: db).filter(\.$workerID ~~ merged).all() {
                if seen.insert(phone.lookupHash).inserted {
                    phone.workerID = survivor
                    try await phone.save(on: db)
                } else {
                    try await phone.delete(on: db)
                }
            }
        },
    ]
}
