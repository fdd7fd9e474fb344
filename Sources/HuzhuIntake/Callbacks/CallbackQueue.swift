import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform

/// The callback queue's rules: what enters it, and what closes an entry.
struct CallbackQueue {
    let db: any Database
    let cipher: FieldCipher

    func enqueue(_ reason: Callback.Reason, phone: PhoneNumber, ngoID: UUID, officeID: UUID, workerID: UUID?,
                 contactID: UUID?, callID: String?, due: Date, now: Date) async throws {
        let callback = Callback()
        callback.ngoID = ngoID
        callback.officeID = officeID
        callback.workerID = workerID
        callback.contactID = contactID
        callback.phoneCipher = try cipher.seal(phone.digits)
        callback.phoneHash = cipher.lookupHash(phone.digits)
        callback.reason = reason
        callback.dueAt = due
        callback.attempts = 0
        callback.status = .open
        callback.callID = callID
        callback.createdAt = now
        try await callback.create(on: db)
    }

    /// A worker who calls in again while a callback to them is open no longer needs that callback.
    /// Returns how many were closed.
    func closeCalledBack(ngoID: UUID, phoneHashes: [String], now: Date) async throws -> Int {
        guard !phoneHashes.isEmpty else { return 0 }
        let open = try await Callback.query(on: db)
            .filter(\.$ngoID == ngoID).filter(\.$phoneHash ~~ phoneHashes).filter(\.$status == .open).all()
        for callback in open {
            callback.status = .done
            callback.result = .workerCalledBack
            callback.resolvedAt = now
            try await callback.save(on: db)
        }
        return open.count
    }
}
