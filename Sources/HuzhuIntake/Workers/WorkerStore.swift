import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Storing and finding workers by their personal identifiers, which exist in the database only as
/// ciphertext and keyed hashes.
package struct WorkerStore {
    let db: any Database
    let cipher: FieldCipher

    package init(db: any Database, cipher: FieldCipher) {
        self.db = db
        self.cipher = cipher
    }

    /// The NGO's workers (not merged away) with this phone number, found by its keyed hash.
    package func workers(withPhone phone: PhoneNumber, ngoID: UUID) async throws -> [Worker] {
        let ids = try await WorkerPhone.query(on: db)
            .filter(\.$ngoID == ngoID).filter(\.$lookupHash ~~ cipher.lookupHashes(phone.digits))
            .all().map(\.workerID)
        guard !ids.isEmpty else { return [] }
        return try await Worker.query(on: db).filter(\.$id ~~ ids).filter(\.$mergedInto == nil)
            .sort(\.$createdAt).all()
    }

    /// The phone numbers of each worker, decrypted.
    package func phones(of workerIDs: [UUID]) async throws -> [UUID: [PhoneNumber]] {
        guard !workerIDs.isEmpty else { return [:] }
        var result: [UUID: [PhoneNumber]] = [:]
        for row in try await WorkerPhone.query(on: db).filter(\.$workerID ~~ workerIDs).sort(\.$createdAt).all() {
            result[row.workerID, default: []].append(try PhoneNumber(try cipher.open(row.cipher)))
        }
        return result
    }

    func idNumber(of worker: Worker) throws -> String? {
        try worker.idCipher.map { try cipher.open($0) }
    }

    /// Writes validated values into a worker, with the consents dated today when first given, and
    /// replaces its phone numbers.
    func save(_ values: WorkerValues, into worker: Worker, today: CalendarDate, now: Date) async throws {
        try WorkerName.seal(values.name, onto: worker, cipher)
        worker.gender = values.gender
        worker.birthYear = values.birthYear
        worker.homeProvince = values.homeProvince
        worker.currentCity = values.currentCity
        worker.industry = values.industry
        worker.employer = values.employer
        worker.languages = values.languages
        worker.notesCipher = try values.notes.map { try cipher.seal($0) }
        worker.consentNetworkOn = Self.consent(values.consentNetwork, was: worker.id == nil ? nil : worker.consentNetworkOn, today: today)
        worker.consentSMSOn = Self.consent(values.consentSMS, was: worker.id == nil ? nil : worker.consentSMSOn, today: today)
        worker.consentStoryOn = Self.consent(values.consentStory, was: worker.id == nil ? nil : worker.consentStoryOn, today: today)
        worker.idCipher = try values.idNumber.map { try cipher.seal($0.value) }
        worker.idHash = values.idNumber.map { cipher.lookupHash($0.value) }
        worker.idNetworkHash = values.idNumber.map { cipher.networkHash($0.value) }
        try await worker.save(on: db)
        try await WorkerName.index(worker, name: values.name, cipher, on: db)
        try await replacePhones(of: worker, with: values.phones, now: now)
    }

    func replacePhones(of worker: Worker, with phones: [PhoneNumber], now: Date) async throws {
        let workerID = try worker.requireID()
        try await WorkerPhone.query(on: db).filter(\.$workerID == workerID).delete()
        for phone in phones {
            let row = WorkerPhone()
            row.ngoID = worker.ngoID
            row.workerID = workerID
            row.cipher = try cipher.seal(phone.digits)
            row.lookupHash = cipher.lookupHash(phone.digits)
            row.networkHash = cipher.networkHash(phone.digits)
            row.kind = phone.kind.rawValue
            row.createdAt = now
            try await row.create(on: db)
        }
    }

    /// A consent keeps the date it was first given; withdrawing it clears the date.
    private static func consent(_ given: Bool, was: CalendarDate?, today: CalendarDate) -> CalendarDate? {
        given ? (was ?? today) : nil
    }
}
