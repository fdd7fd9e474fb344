import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// Records a contact: the worker (found, created or anonymous), a readable number, its topics, a
/// requested callback, and the closing of callbacks the worker made moot by calling in again.
/// Runs on the caller's transaction (`Intake.record`'s) so that all of it, and its audit rows, stand or fall together.
struct ContactStore {
    let db: any Database
    let cipher: FieldCipher

    struct Recorded {
        let contact: Contact
        let worker: Worker?
        let createdWorker: Bool
        let closedCallbacks: Int
    }

    /// Records a checked contact (`Intake.record` is the command that comes here).
    func record(_ values: RecordContact.Checked, by actor: Actor, office: Office, now: Date) async throws -> Recorded {
        let ngoID = office.ngoID
        var worker: Worker?
        var created = false
        switch values.subject {
        case .existing(let id):
            worker = try await Worker.query(on: db).filter(\.$id == id).filter(\.$ngoID == ngoID)
                .filter(\.$mergedInto == nil).first()
            if worker == nil { throw ValidationErrors([FieldError("subject", "error.not_found")]) }
        case .new(let workerValues):
            let record = Worker()
            record.ngoID = ngoID
            record.officeID = try office.requireID()
            record.createdAt = now
            record.createdBy = actor.userID
            try await WorkerStore(db: db, cipher: cipher).save(workerValues, into: record, today: CalendarDate(now), now: now)
            worker = record
            created = true
        case .anonymous:
            break
        }

        let contact = Contact()
        contact.ngoID = ngoID
        contact.officeID = try office.requireID()
        let year = CalendarDate(values.startedAt).year
        let serial = try await OfficeCounter.next(office: contact.officeID, series: "contact-\(year)", on: db)
        contact.number = "\(office.code)-\(year)-C\(String(format: "%06d", serial))"
        contact.channel = values.channel
        contact.direction = values.direction
        contact.operatorID = actor.userID
        contact.startedAt = values.startedAt
        contact.durationSeconds = values.durationSeconds
        if let callID = values.callID,
           let call = try await Call.query(on: db).filter(\.$ngoID == ngoID).filter(\.$callID == callID).first() {
            // The call's own times are more exact than what the operator would type.
            if !values.startTyped { contact.startedAt = call.answeredAt ?? call.rangAt }
            contact.durationSeconds = values.durationSeconds ?? call.talkSeconds
        }
        contact.workerID = worker?.id
        if case .anonymous(let callback?) = values.subject {
            contact.callbackCipher = try cipher.seal(callback.digits)
            contact.callbackHash = cipher.lookupHash(callback.digits)
        }
        try contact.seal(summary: values.summary, advice: values.advice, cipher)
        contact.outcome = values.outcome
        contact.followUpOn = values.followUpOn
        contact.callID = values.callID
        contact.createdAt = now
        try await contact.create(on: db)
        for topicID in values.topicIDs {
            try await ContactTopic(ngoID: ngoID, contactID: contact.requireID(), topicID: topicID).create(on: db)
        }

        let phones = try await reachablePhones(worker: worker, subject: values.subject)
        var closed = 0
        if values.direction == .inbound {
            closed = try await CallbackQueue(db: db, cipher: cipher)
                .closeCalledBack(ngoID: ngoID, phoneHashes: phones.flatMap { cipher.lookupHashes($0.digits) }, now: now)
        }
        if values.outcome == .callback, let phone = phones.first {
            let due = values.followUpOn.flatMap { ShanghaiTime.instant(localMinute: "\($0)T09:00") } ?? now
            try await CallbackQueue(db: db, cipher: cipher).enqueue(
                .requested, phone: phone, ngoID: ngoID, officeID: contact.officeID, workerID: worker?.id,
                contactID: contact.id, callID: nil, due: due, now: now)
        }
        return Recorded(contact: contact, worker: worker, createdWorker: created, closedCallbacks: closed)
    }

    private func reachablePhones(worker: Worker?, subject: ContactSubject<WorkerValues>) async throws -> [PhoneNumber] {
        if case .anonymous(let callback) = subject { return callback.map { [$0] } ?? [] }
        guard let id = worker?.id else { return [] }
        return try await WorkerStore(db: db, cipher: cipher).phones(of: [id])[id] ?? []
    }
}
