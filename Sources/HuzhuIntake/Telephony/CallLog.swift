import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// The state of each call as its events arrive, and what each event changes elsewhere.
struct CallLog {
    let db: any Database
    let cipher: FieldCipher

    /// Applies an event; false when this call already had it (a retry or a replay).
    func apply(_ event: TelephonyEvent, caller: PhoneNumber, line: TelephonyLine, now: Date) async throws -> Bool {
        let lineID = try line.requireID()
        var call = try await Call.query(on: db).filter(\.$lineID == lineID).filter(\.$callID == event.call_id).first()
        if call == nil {
            let new = Call()
            new.ngoID = line.ngoID
            new.officeID = line.officeID
            new.lineID = lineID
            new.callID = event.call_id
            new.callerCipher = try cipher.seal(caller.digits)
            new.callerHash = cipher.lookupHash(caller.digits)
            new.state = "new"
            new.rangAt = event.time
            call = new
        }
        let record = call!
        switch event.event {
        case .ringing:
            guard record.state == "new" else { return false }
            record.rangAt = event.time
        case .answered:
            guard record.answeredAt == nil else { return false }
            record.answeredAt = event.time
            // The worker got through: callbacks to them are moot.
            _ = try await CallbackQueue(db: db, cipher: cipher)
                .closeCalledBack(ngoID: line.ngoID, phoneHashes: cipher.lookupHashes(caller.digits), now: now)
        case .ended:
            guard record.endedAt == nil else { return false }
            record.endedAt = event.time
            try await fillDuration(of: record)
        case .missed:
            guard record.state != "missed", record.answeredAt == nil else { return false }
            record.endedAt = event.time
            try await enqueueMissed(record, caller: caller, line: line, now: now)
        }
        record.state = event.event.rawValue
        try await record.save(on: db)
        return true
    }

    /// A contact already recorded for this call gets the call's length if the operator left it empty.
    private func fillDuration(of call: Call) async throws {
        guard let seconds = call.talkSeconds else { return }
        for contact in try await Contact.query(on: db).filter(\.$ngoID == call.ngoID).filter(\.$callID == call.callID)
            .filter(\.$durationSeconds == nil).all() {
            contact.durationSeconds = seconds
            try await contact.save(on: db)
        }
    }

    /// A missed call is called back, once per number: a second missed call joins the open callback.
    private func enqueueMissed(_ call: Call, caller: PhoneNumber, line: TelephonyLine, now: Date) async throws {
        let open = try await Callback.query(on: db).filter(\.$ngoID == line.ngoID).filter(\.$phoneHash ~~ cipher.lookupHashes(caller.digits))
            .filter(\.$status == .open).count()
        guard open == 0 else { return }
        let worker = try await WorkerStore(db: db, cipher: cipher).workers(withPhone: caller, ngoID: line.ngoID).first
        try await CallbackQueue(db: db, cipher: cipher).enqueue(
            .missedCall, phone: caller, ngoID: line.ngoID, officeID: line.officeID, workerID: worker?.id, contactID: nil,
            callID: call.callID, due: now, now: now)
    }
}
