import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// What the operator sees the moment a number is typed or a call rings: who this is, what happened
/// before, and whether a callback to them is open. The same for the intake page, the screen-pop and
/// the API.
struct PhoneLookup {
    struct WorkerCard: Sendable {
        let id: UUID
        let name: String
        let maskedPhones: [String]
        let gender: Gender
        let birthYear: Int?
        let currentCity: String?
        let employer: String?

        init(_ worker: Worker, phones: [PhoneNumber], _ cipher: FieldCipher) throws {
            id = worker.id!
            name = try worker.openName(cipher)
            maskedPhones = phones.map(\.masked)
            gender = worker.gender
            birthYear = worker.birthYear
            currentCity = worker.currentCity
            employer = worker.employer
        }
    }

    struct OpenCallback {
        let id: UUID
        let reason: Callback.Reason
        let dueAt: Date
        let attempts: Int
    }

    let phone: PhoneNumber
    let workers: [WorkerCard]
    let history: [ContactLine]
    let openCallbacks: [OpenCallback]

    static func find(_ phone: PhoneNumber, ngoID: UUID, language: Language, cipher: FieldCipher,
                     mayReadFully: (Contact) -> Bool, on db: any Database) async throws -> PhoneLookup {
        let store = WorkerStore(db: db, cipher: cipher)
        let workers = try await store.workers(withPhone: phone, ngoID: ngoID)
        let phones = try await store.phones(of: workers.compactMap(\.id))
        let hashes = cipher.lookupHashes(phone.digits)
        let history = try await ContactHistory.recent(workerIDs: workers.compactMap(\.id), callbackHashes: hashes, ngoID: ngoID,
                                                      language: language, cipher: cipher, mayReadFully: mayReadFully, on: db)
        let callbacks = try await Callback.query(on: db)
            .filter(\.$ngoID == ngoID).filter(\.$phoneHash ~~ hashes).filter(\.$status == .open)
            .sort(\.$dueAt).all()
        return PhoneLookup(
            phone: phone,
            workers: try workers.map { try WorkerCard($0, phones: phones[$0.id!] ?? [], cipher) },
            history: history,
            openCallbacks: callbacks.map { OpenCallback(id: $0.id!, reason: $0.reason, dueAt: $0.dueAt, attempts: $0.attempts) })
    }
}
