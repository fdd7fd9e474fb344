import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// Feedback as typed, on the public form or by staff from a call, an SMS or a QQ transcript.
struct FeedbackInput: Content {
    var site: String?
    var category: String?
    var severity: String?
    var treatment: String?
    var description: String?
    var worker_name: String?
    var callback: String?
    var channel: String?

    var command: RecordFeedback {
        RecordFeedback(site: site ?? "", category: category.flatMap(FeedbackCategory.init(rawValue:)),
                       severity: severity.flatMap(FeedbackSeverity.init(rawValue:)),
                       treatment: treatment.flatMap(FeedbackTreatment.init(rawValue:)), description: description ?? "",
                       workerName: worker_name ?? "", callback: callback)
    }
}

/// A worker's feedback about a partner enterprise, as the public form or staff receive it: where,
/// what kind, how serious, how the worker wants to be treated (anonymous, confidential, named), their
/// words, and for a callback their number.
struct RecordFeedback: Sendable {
    var site = ""
    var category: FeedbackCategory?
    var severity: FeedbackSeverity?
    var treatment: FeedbackTreatment?
    var description = ""
    var workerName = ""
    /// The number to call back, as given; an anonymous worker's is not kept at all.
    var callback: String?
}

/// Records feedback: checked, the worker's words, name and number encrypted, nothing else kept that
/// could point at them (an anonymous worker's number is not kept at all). The public form has no
/// signed-in person, so the command takes its small context itself: the database, the cipher, the
/// time and who records it (`source`, for the audit log).
enum FeedbackRecord {
    static func record(_ command: RecordFeedback, for partnership: Partnership, channel: Feedback.Channel, contactID: UUID? = nil,
                       on db: any Database, cipher: FieldCipher, now: Date, source: AuditSource) async throws -> Feedback {
        var errors = ValidationErrors()
        if command.category == nil { errors.add("category", "error.choice_invalid") }
        if command.severity == nil { errors.add("severity", "error.choice_invalid") }
        if command.treatment == nil { errors.add("treatment", "error.choice_invalid") }
        let site = command.site.trimmingCharacters(in: .whitespaces)
        if !site.isEmpty && !partnership.sites.contains(site) { errors.add("site", "error.choice_invalid") }
        let description = command.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if description.isEmpty { errors.add("description", "error.required") }
        if description.count > 4000 { errors.add("description", "error.text_too_long") }
        let name = command.workerName.trimmingCharacters(in: .whitespaces)
        if command.treatment == .named && name.isEmpty { errors.add("worker_name", "error.name_for_named") }
        if name.count > 100 { errors.add("worker_name", "error.text_too_long") }
        var callback: PhoneNumber?
        if let raw = command.callback, !raw.trimmingCharacters(in: .whitespaces).isEmpty, command.treatment != .anonymous {
            callback = errors.check { () throws(FieldError) in try PhoneNumber(raw, field: "callback") }
        }
        try errors.throwIfAny()
        let (category, severity, treatment) = (command.category!, command.severity!, command.treatment!)
        let feedback = Feedback()
        feedback.ngoID = partnership.ngoID
        feedback.partnershipID = try partnership.requireID()
        feedback.channel = channel
        feedback.site = site.isEmpty ? nil : site
        feedback.category = category
        feedback.severity = severity
        feedback.treatment = treatment
        feedback.descriptionCipher = try cipher.seal(description)
        // Anonymous keeps no name; "known to the NGO only" keeps it for the NGO; "named" also lets it go to
        // the enterprise with the summary (`Feedback.nameForEnterprise`).
        feedback.nameCipher = treatment == .anonymous || name.isEmpty ? nil : try cipher.seal(name)
        feedback.callbackCipher = try callback.map { try cipher.seal($0.digits) }
        feedback.status = .new
        feedback.contactID = contactID
        feedback.createdAt = now
        try await db.write { db in
            try await feedback.create(on: db)
            try await AuditEvent.record(.recordFeedback, by: source, at: now, recordType: "feedback", recordID: feedback.id,
                                        ngoID: feedback.ngoID, detail: AuditDetail(channel) + AuditDetail(severity), on: db)
        }
        return feedback
    }
}

extension Request {
    /// Records feedback received through this request (`FeedbackRecord.record`).
    func recordFeedback(_ command: RecordFeedback, for partnership: Partnership, channel: Feedback.Channel,
                        contactID: UUID? = nil) async throws -> Feedback {
        try await FeedbackRecord.record(command, for: partnership, channel: channel, contactID: contactID, on: db,
                                        cipher: application.fieldCipher, now: application.clock.now(), source: auditSource)
    }
}
