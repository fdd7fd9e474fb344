import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// Adds a person to the NGO's workers from a name and a phone, as a collective case's roster does:
/// the worker already known by that phone is reused, otherwise a new record is made (by a member of
/// staff, or by nobody when the worker signed up themselves).
package struct WorkerEnrolment {
    package let db: any Database
    package let cipher: FieldCipher

    package init(db: any Database, cipher: FieldCipher) {
        self.db = db
        self.cipher = cipher
    }

    package func enrol(name: String, phone: PhoneNumber?, ngoID: UUID, officeID: UUID, by userID: UUID?,
                       now: Date) async throws -> (worker: Worker, created: Bool) {
        let store = WorkerStore(db: db, cipher: cipher)
        if let phone, let known = try await store.workers(withPhone: phone, ngoID: ngoID).first { return (known, false) }
        let worker = Worker()
        worker.ngoID = ngoID
        worker.officeID = officeID
        worker.createdAt = now
        worker.createdBy = userID
        let values = WorkerValues(name: name, phones: phone.map { [$0] } ?? [], idNumber: nil, gender: .unknown,
                                  birthYear: nil, homeProvince: nil, currentCity: nil, industry: nil, employer: nil,
                                  languages: nil, notes: nil, consentNetwork: false, consentSMS: false, consentStory: false)
        try await store.save(values, into: worker, today: CalendarDate(now), now: now)
        return (worker, true)
    }
}
