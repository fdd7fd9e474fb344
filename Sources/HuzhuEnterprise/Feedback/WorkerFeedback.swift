import Fluent
import Foundation
import HuzhuIntake
import HuzhuPlatform

/// The enterprise hotline's part of a worker's data: feedback recorded from their hotline contacts.
/// Its words, their name and callback number are sealed; erasure takes the name and number out and
/// every trace of the worker out of the words. The counts (and the reports issued) stay.
enum WorkerFeedback {
    static let part = WorkerDataPart(section: "feedback", export: export, anonymise: anonymise, activeSince: activeSince)

    private static func items(of worker: Worker, _ db: any Database) async throws -> [Feedback] {
        let contacts = try await Contact.query(on: db).filter(\.$workerID == worker.requireID()).all().compactMap(\.id)
        guard !contacts.isEmpty else { return [] }
        return try await Feedback.query(on: db).filter(\.$contactID ~~ contacts).sort(\.$createdAt).all()
    }

    static func export(_ worker: Worker, _ cipher: FieldCipher, _ db: any Database) async throws -> WorkerDataPart.Records {
        let iso = ISO8601DateFormatter()
        return try await items(of: worker, db).map { item in
            var record = ["feedback_at": iso.string(from: item.createdAt), "category": item.category.rawValue,
                          "status": item.status.rawValue, "description": try cipher.open(item.descriptionCipher)]
            if let name = item.nameCipher { record["name"] = try cipher.open(name) }
            if let callback = item.callbackCipher { record["callback_phone"] = try cipher.open(callback) }
            return record
        }
    }

    static func anonymise(_ worker: Worker, _ traces: WorkerTraces, _ cipher: FieldCipher, _ db: any Database) async throws {
        for item in try await items(of: worker, db) {
            item.nameCipher = nil
            item.callbackCipher = nil
            if let words = traces.scrub(try cipher.open(item.descriptionCipher)) { item.descriptionCipher = try cipher.seal(words) }
            if let summary = item.summary.flatMap(traces.scrub) { item.summary = summary }
            try await item.save(on: db)
        }
    }

    /// Feedback does not keep a worker active: their contacts do.
    static func activeSince(_ workerIDs: [UUID], _ cutoff: Date, _ db: any Database) async throws -> Set<UUID> { [] }
}
