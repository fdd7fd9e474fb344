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
}

/// Records feedback: checked, the worker's words, name and number encrypted, nothing else kept that
/// could point at them (an anonymous worker's number is not kept at all).
enum FeedbackRecord {
    static func record(_ input: FeedbackInput, for partnership: Partnership, channel: Feedback.Channel, contactID: UUID? = nil,
                       request: Request) async throws -> Feedback {
        var errors = ValidationErrors()
        let category = input.category.flatMap(FeedbackCategory.init(rawValue:))
        if category == nil { errors.add("category", "error.choice_invalid") }
        let severity = input.severity.flatMap(FeedbackSeverity.init(rawValue:))
        if severity == nil { errors.add("severity", "error.choice_invalid") }
        let treatment = input.treatment.flatMap(FeedbackTreatment.init(rawValue:))
        if treatment == nil { errors.add("treatment", "error.choice_invalid") }
        let site = (input.site ?? "").trimmingCharacters(in: .whitespaces)
        if !site.isEmpty && !partnership.sites.contains(site) { errors.add("site", "error.choice_invalid") }
        let description = (input.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if description.isEmpty { errors.add("description", "error.required") }
        if description.count > 4000 { errors.add("description", "error.text_too_long") }
        let name = (input.worker_name ?? "").trimmingCharacters(in: .whitespaces)
        if treatment == .named && name.isEmpty { errors.add("worker_name", "error.name_for_named") }
        if name.count > 100 { errors.add("worker_name", "error.text_too_long") }
        var callback: PhoneNumber?
        if let raw = input.callback, !raw.trimmingCharacters(in: .whitespaces).isEmpty, treatment != .anonymous {
            callback = errors.check { () throws(FieldError) in try PhoneNumber(raw, field: "callback") }
        }
        try errors.throwIfAny()
        let cipher = request.application.fieldCipher
        let feedback = Feedback()
        feedback.ngoID = partnership.ngoID
        feedback.partnershipID = try partnership.requireID()
        feedback.channel = channel
        feedback.site = site.isEmpty ? nil : site
        feedback.category = category!
        feedback.severity = severity!
        feedback.treatment = treatment!
        feedback.descriptionCipher = try cipher.seal(description)
        feedback.nameCipher = treatment == .named ? try cipher.seal(name) : nil
        feedback.callbackCipher = try callback.map { try cipher.seal($0.digits) }
        feedback.status = .new
        feedback.contactID = contactID
        feedback.createdAt = request.application.clock.now()
        try await request.db.write { db in
            try await feedback.create(on: db)
            try await request.audit(.recordFeedback, recordType: "feedback", recordID: feedback.id, ngoID: feedback.ngoID,
                                    detail: AuditDetail(channel) + AuditDetail(severity!), on: db)
        }
        return feedback
    }
}
