import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform

/// A text message a worker sent to an office's number (a line of the office), recorded as an inbound
/// SMS contact of that office — an online consultation — with the worker found by the phone's keyed
/// hash, and a callback in the office's queue so that someone answers it.
package enum InboundMessage {
    /// The account inbound messages are recorded by, as a contact's operator: it can never sign in.
    static let gatewayLogin = "sms-gateway"

    /// Records the message, in one transaction; nil when no office owns the number it was sent to.
    package static func record(from phone: PhoneNumber, to number: String, text: String, at now: Date,
                               db: any Database, cipher: FieldCipher) async throws -> Contact? {
        let digits = number.filter(\.isNumber)
        guard let line = try await TelephonyLine.query(on: db).filter(\.$number == digits).first(),
              let office = try await Office.find(line.officeID, on: db) else { return nil }
        return try await db.write { db in
            let worker = try await WorkerStore(db: db, cipher: cipher).workers(withPhone: phone, ngoID: office.ngoID).first
            let contact = Contact()
            contact.ngoID = office.ngoID
            contact.officeID = line.officeID
            let year = CalendarDate(now).year
            let serial = try await OfficeCounter.next(office: line.officeID, series: "contact-\(year)", on: db)
            contact.number = "\(office.code)-\(year)-C\(String(format: "%06d", serial))"
            contact.channel = .sms
            contact.direction = .inbound
            contact.operatorID = try await gatewayAccount(on: db, now: now)
            contact.startedAt = now
            contact.workerID = worker?.id
            if worker == nil {
                contact.callbackCipher = try cipher.seal(phone.digits)
                contact.callbackHash = cipher.lookupHash(phone.digits)
            }
            try contact.seal(summary: String(text.prefix(4000)), advice: "", cipher)
            contact.outcome = .callback
            contact.createdAt = now
            try await contact.create(on: db)
            try await CallbackQueue(db: db, cipher: cipher).enqueue(.requested, phone: phone, ngoID: office.ngoID, officeID: line.officeID,
                                                                    workerID: worker?.id, contactID: contact.id, callID: nil, due: now, now: now)
            try await AuditEvent.record(.createContact, by: AuditSource(userID: nil, login: gatewayLogin, address: "sms"), at: now,
                                        recordType: "contact", recordID: contact.id, ngoID: office.ngoID, detail: AuditDetail("sms"), on: db)
            return contact
        }
    }

    /// The gateway's account, made the first time a message comes in: inactive, with no password that
    /// could ever match, in no NGO.
    private static func gatewayAccount(on db: any Database, now: Date) async throws -> UUID {
        if let found = try await User.query(on: db).filter(\.$login == gatewayLogin).first() { return try found.requireID() }
        let user = User()
        user.login = gatewayLogin
        user.displayName = "短信网关 / SMS gateway"
        user.passwordHash = "!"
        user.role = .hotlineVolunteer
        user.language = .zhHans
        user.languageChosen = false
        user.active = false
        user.createdAt = now
        try await user.create(on: db)
        return try user.requireID()
    }
}
