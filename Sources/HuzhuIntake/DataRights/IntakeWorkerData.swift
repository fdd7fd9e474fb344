import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import SQLKit

/// The intake's part of a worker's data: the record itself with its phones and ID number, their
/// contacts, callbacks and the calls from their numbers.
enum IntakeWorkerData {
    static let part = WorkerDataPart(section: "worker_and_contacts", export: export, anonymise: anonymise, activeSince: activeSince)

    static func export(_ worker: Worker, _ cipher: FieldCipher, _ db: any Database) async throws -> WorkerDataPart.Records {
        let id = try worker.requireID()
        let store = WorkerStore(db: db, cipher: cipher)
        let iso = ISO8601DateFormatter()
        var record: [String: String] = ["name": try worker.openName(cipher), "gender": worker.gender.rawValue,
                                        "recorded_at": iso.string(from: worker.createdAt)]
        record["phones"] = (try await store.phones(of: [id])[id] ?? []).map(\.digits).joined(separator: ", ")
        record["id_number"] = try store.idNumber(of: worker)
        let optional: [(String, String?)] = [
            ("birth_year", worker.birthYear.map(String.init)), ("home_province", worker.homeProvince), ("current_city", worker.currentCity),
            ("industry", worker.industry), ("employer", worker.employer), ("languages", worker.languages), ("notes", try worker.openNotes(cipher)),
            ("consent_network_on", worker.consentNetworkOn?.description), ("consent_sms_on", worker.consentSMSOn?.description),
            ("consent_story_on", worker.consentStoryOn?.description),
        ]
        for (key, value) in optional { if let value { record[key] = value } }
        var records = [record]
        for contact in try await Contact.query(on: db).filter(\.$workerID == id).sort(\.$startedAt).all() {
            var line = ["contact": contact.number, "when": iso.string(from: contact.startedAt),
                        "channel": contact.channel.rawValue, "outcome": contact.outcome.rawValue, "summary": try contact.openSummary(cipher)]
            let advice = try contact.openAdvice(cipher)
            if !advice.isEmpty { line["advice"] = advice }
            if let sealed = contact.callbackCipher { line["callback_phone"] = try cipher.open(sealed) }
            records.append(line)
        }
        for callback in try await Callback.query(on: db).filter(\.$workerID == id).sort(\.$dueAt).all() {
            records.append(["callback_due": iso.string(from: callback.dueAt), "status": callback.status.rawValue,
                            "phone": try cipher.open(callback.phoneCipher)])
        }
        return records
    }

    static func anonymise(_ worker: Worker, _ traces: WorkerTraces, _ cipher: FieldCipher, _ db: any Database) async throws {
        let id = try worker.requireID()
        let hashes = try await WorkerPhone.query(on: db).filter(\.$workerID == id).all().map(\.lookupHash)
        if !hashes.isEmpty {
            try await Call.query(on: db).filter(\.$ngoID == worker.ngoID).filter(\.$callerHash ~~ hashes).delete()
        }
        try await WorkerPhone.query(on: db).filter(\.$workerID == id).delete()
        try await Callback.query(on: db).filter(\.$workerID == id).delete()
        try await db.sql.update(Contact.schema)
            .set("summary_cipher", to: SQLBind(try cipher.seal(WorkerData.anonymisedLabel))).set("advice_cipher", to: SQLBind(try cipher.seal("")))
            .set("callback_cipher", to: SQLLiteral.null).set("callback_hash", to: SQLLiteral.null)
            .set("no_case_reason_cipher", to: SQLLiteral.null)
            .where("worker_id", .equal, SQLBind(id)).run()
    }

    static func activeSince(_ workerIDs: [UUID], _ cutoff: Date, _ db: any Database) async throws -> Set<UUID> {
        Set(try await Contact.query(on: db).filter(\.$workerID ~~ workerIDs).filter(\.$startedAt >= cutoff).all(\.$workerID).compactMap { $0 })
    }
}
