import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit
import Vapor

/// Kannel's HTTP `sendsms` interface as Huzhu uses it: the text in UTF-8, sent as UCS-2, with delivery
/// reports asked for at Huzhu's report address when one is configured.
struct KannelClient {
    let settings: SMSGatewaySettings
    let client: any Client

    /// Hands one message over; nil when the gateway accepted it, else the reason (a catalogue key).
    func send(_ text: String, to phone: String, report recipient: UUID?) async -> String? {
        guard let sendURL = settings.sendURL else { return "sms.reason.no_gateway" }
        var query = [("username", settings.user), ("password", settings.password), ("to", phone), ("text", text), ("charset", "UTF-8")]
        if SMSText.needsUnicode(text) { query.append(("coding", "2")) }
        if let from = settings.from { query.append(("from", from)) }
        if let recipient, let callback = settings.callbackURL, let secret = settings.secret {
            query.append(("dlr-mask", "31"))
            query.append(("dlr-url", "\(callback)/sms/reports/\(secret)?recipient=\(recipient.uuidString.lowercased())&status=%d"))
        }
        let uri = URI(string: sendURL + (sendURL.contains("?") ? "&" : "?") + query.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&"))
        do {
            let response = try await client.get(uri) { request in request.timeout = .seconds(10) }
            return (200..<300).contains(response.status.code) ? nil : "sms.reason.gateway_refused"
        } catch {
            return "sms.reason.gateway_unreachable"
        }
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

/// Hands queued copies to the gateway in turn, at most `HUZHU_SMS_PER_SECOND` a second: in the server
/// every second (a `PeriodicJob`); tests call `sendQueued` themselves. A copy whose number opted out
/// meanwhile is not sent.
enum SMSSender {
    static func periodic(_ app: Application) -> PeriodicJob {
        PeriodicJob(every: 1) { app in _ = try await sendQueued(app, limit: app.smsGateway.perSecond) }
    }

    /// Sends up to `limit` queued copies, oldest first; returns how many it handled.
    static func sendQueued(_ app: Application, limit: Int) async throws -> Int {
        let db = app.db
        let queued = try await SMSRecipient.query(on: db).filter(\.$state == .queued).sort(\.$updatedAt).limit(limit).all()
        let gateway = KannelClient(settings: app.smsGateway, client: app.client)
        let cipher = app.fieldCipher
        // The batch's messages and opted-out numbers, each read once.
        let messages = Dictionary(uniqueKeysWithValues: try await SMSMessage.query(on: db).filter(\.$id ~~ Set(queued.map(\.messageID))).all()
            .map { ($0.id!, $0) })
        let phones = try queued.map { try cipher.open($0.phoneCipher) }
        let optedOut = try await OptOuts.out(phones, db: db, cipher: cipher)
        var handled = 0
        for (copy, phone) in zip(queued, phones) {
            // Claimed by one statement, so that two servers never send one copy twice.
            let claimed = try await db.write { db in
                try await (db as! any SQLDatabase).raw("""
                    UPDATE sms_recipients SET state = 'sending' WHERE id = \(bind: copy.id!) AND state = 'queued' RETURNING id
                    """).all()
            }
            guard !claimed.isEmpty, let message = messages[copy.messageID] else { continue }
            let reason = optedOut.contains(phone) ? "sms.reason.opted_out"
                : await gateway.send(try message.openText(cipher), to: phone, report: copy.id)
            // Not handed over (no gateway, or the number opted out) is not sent; refused or unreachable failed.
            copy.state = reason == nil ? .sent : ["sms.reason.no_gateway", "sms.reason.opted_out"].contains(reason!) ? .notSent : .failed
            copy.reason = reason
            copy.updatedAt = app.clock.now()
            try await db.write { db in try await copy.save(on: db) }
            handled += 1
        }
        return handled
    }
}

/// The numbers that opted out, by the phone's keyed hash.
enum OptOuts {
    static func isOut(_ digits: String, db: any Database, cipher: FieldCipher) async throws -> Bool {
        try await !out([digits], db: db, cipher: cipher).isEmpty
    }

    /// Of these numbers (digits), those that opted out, in one query.
    static func out(_ numbers: [String], db: any Database, cipher: FieldCipher) async throws -> Set<String> {
        guard !numbers.isEmpty else { return [] }
        let hashes = Set(try await SMSOptOut.query(on: db).filter(\.$phoneHash ~~ numbers.flatMap(cipher.lookupHashes))
            .filter(\.$optedOut == true).all().map(\.phoneHash))
        return Set(numbers.filter { cipher.lookupHashes($0).contains(where: hashes.contains) })
    }

    /// Records the number's choice; true when it changed (a first "TD" is confirmed, a repeated one is not).
    static func set(_ digits: String, out: Bool, at now: Date, db: any Database, cipher: FieldCipher) async throws -> Bool {
        try await db.write { db in
            let row = try await SMSOptOut.query(on: db).filter(\.$phoneHash ~~ cipher.lookupHashes(digits)).first() ?? SMSOptOut()
            if row.id != nil && row.optedOut == out { return false }
            if row.id == nil && !out { return false }
            row.phoneCipher = try cipher.seal(digits)
            row.phoneHash = cipher.lookupHash(digits)
            row.optedOut = out
            row.changedAt = now
            try await row.save(on: db)
            return true
        }
    }
}
