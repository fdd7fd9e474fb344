import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// The contact part of the intake form as typed.
struct ContactDraft: Content {
    var channel: String?
    var direction: String?
    /// `2026-11-22T09:30`, Beijing time; empty means now.
    var started_at: String?
    var duration_minutes: String?
    /// The API gives the length in seconds; the form in minutes.
    var duration_seconds: Int?
    var topics: [String]?
    var summary: String?
    var advice: String?
    var outcome: String?
    var follow_up_on: String?
    /// Whom the contact is with: a known worker's id, `new` or `anonymous`.
    var subject: String?
    /// The number looked up first (canonical digits); the new worker's first phone or the callback number.
    var phone: String?
    var call_id: String?

    enum Subject {
        case existing(UUID)
        case new(WorkerValues)
        case anonymous(callback: PhoneNumber?)
    }

    struct Values {
        var channel: Contact.Channel
        var direction: Contact.Direction
        var startedAt: Date
        /// Whether the operator typed the start time (else it is "now", or the call's own time).
        var startTyped: Bool
        var durationSeconds: Int?
        var topicIDs: [UUID]
        var summary: String
        var advice: String
        var outcome: Contact.Outcome
        var followUpOn: CalendarDate?
        var subject: Subject
        var callID: String?
    }

    /// Checks everything at once. `activeTopics` are the ids a contact may be tagged with; `worker` is the
    /// "new worker" section of the same form.
    func validate(worker: WorkerDraft, activeTopics: Set<UUID>, now: Date) throws(ValidationErrors) -> Values {
        var errors = ValidationErrors()
        let channel = Contact.Channel(rawValue: channel ?? "")
        if channel == nil { errors.add("channel", "error.choice_invalid") }
        let direction = Contact.Direction(rawValue: direction ?? "inbound")
        if direction == nil { errors.add("direction", "error.choice_invalid") }
        var startedAt = now
        if let text = started_at, !text.isEmpty {
            if let parsed = ShanghaiTime.instant(localMinute: text), parsed <= now.addingTimeInterval(300),
               parsed > now.addingTimeInterval(-366 * 24 * 3600) {
                startedAt = parsed
            } else {
                errors.add("started_at", "error.time_invalid")
            }
        }
        var duration: Int?
        if let seconds = duration_seconds {
            if (0...36_000).contains(seconds) { duration = seconds } else { errors.add("duration_seconds", "error.duration_invalid") }
        } else if let text = duration_minutes?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let minutes = Int(text), (0...600).contains(minutes) { duration = minutes * 60 } else {
                errors.add("duration_minutes", "error.duration_invalid")
            }
        }
        let topicIDs = (topics ?? []).compactMap(UUID.init(uuidString:)).filter(activeTopics.contains)
        if topicIDs.isEmpty || topicIDs.count != (topics ?? []).count { errors.add("topics", "error.topics_required") }
        let summary = (summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.isEmpty { errors.add("summary", "error.required") }
        if summary.count > 4000 { errors.add("summary", "error.text_too_long") }
        let advice = (advice ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if advice.count > 4000 { errors.add("advice", "error.text_too_long") }
        let outcome = Contact.Outcome(rawValue: outcome ?? "")
        if outcome == nil { errors.add("outcome", "error.choice_invalid") }
        var followUp: CalendarDate?
        if let text = follow_up_on, !text.isEmpty {
            followUp = CalendarDate(iso: text)
            if followUp == nil || followUp! < CalendarDate(now) { errors.add("follow_up_on", "error.date_invalid") }
        }
        let lookedUp = phone.flatMap { try? PhoneNumber($0) }
        var subject: Subject?
        switch self.subject {
        case let id? where UUID(uuidString: id) != nil:
            subject = .existing(UUID(uuidString: id)!)
        case "new":
            var draft = worker
            if let lookedUp, !WorkerDraft.split(draft.phones ?? "").contains(where: { (try? PhoneNumber($0)) == lookedUp }) {
                draft.phones = [lookedUp.digits, draft.phones ?? ""].joined(separator: ",")
            }
            do { subject = .new(try draft.validate(today: CalendarDate(now))) } catch { errors.append(contentsOf: error) }
        case "anonymous":
            subject = .anonymous(callback: lookedUp)
        default:
            errors.add("subject", "error.subject_required")
        }
        if outcome == .callback, case .anonymous(callback: nil) = subject { errors.add("outcome", "error.callback_needs_phone") }
        try errors.throwIfAny()
        return Values(channel: channel!, direction: direction!, startedAt: startedAt,
                      startTyped: started_at?.isEmpty == false, durationSeconds: duration,
                      topicIDs: topicIDs, summary: summary, advice: advice, outcome: outcome!, followUpOn: followUp,
                      subject: subject!, callID: call_id?.isEmpty == false ? call_id : nil)
    }
}
