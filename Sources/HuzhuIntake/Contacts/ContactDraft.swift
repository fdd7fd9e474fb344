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
    /// The answer when a new worker matched a known one: that worker's id (the same person), or
    /// `different` (a different person: record the new worker).
    var use_worker: String?

    /// The contact as typed, in its types; `worker` is the "new worker" section of the same form, which
    /// gets the looked-up number among its phones. Text that cannot be read is reported when checked.
    func command(worker: WorkerDraft) -> RecordContact {
        var command = RecordContact()
        command.channel = channel.flatMap(Contact.Channel.init(rawValue:))
        if let raw = direction, !raw.isEmpty {
            if let read = Contact.Direction(rawValue: raw) { command.direction = read } else { command.unread.add("direction", "error.choice_invalid") }
        }
        if let text = started_at, !text.isEmpty {
            command.startedAt = ShanghaiTime.instant(localMinute: text)
            if command.startedAt == nil { command.unread.add("started_at", "error.time_invalid") }
        }
        if let text = duration_minutes?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let minutes = Int(text), (0...600).contains(minutes) { command.durationSeconds = minutes * 60 }
            else { command.unread.add("duration_minutes", "error.duration_invalid") }
        }
        let topics = topics ?? []
        command.topicIDs = topics.compactMap(UUID.init(uuidString:))
        if command.topicIDs.count != topics.count { command.unread.add("topics", "error.topics_required") }
        command.summary = summary ?? ""
        command.advice = advice ?? ""
        command.outcome = outcome.flatMap(Contact.Outcome.init(rawValue:))
        if let text = follow_up_on, !text.isEmpty {
            command.followUpOn = CalendarDate(iso: text)
            if command.followUpOn == nil { command.unread.add("follow_up_on", "error.date_invalid") }
        }
        let lookedUp = phone.flatMap { try? PhoneNumber($0) }
        let subject = use_worker.flatMap(UUID.init(uuidString:)) != nil ? use_worker : subject
        switch subject {
        case let id? where UUID(uuidString: id) != nil:
            command.subject = .existing(UUID(uuidString: id)!)
        case "new":
            var newWorker = worker.command
            if let lookedUp, !newWorker.phones.contains(where: { (try? PhoneNumber($0)) == lookedUp }) {
                newWorker.phones.insert(lookedUp.digits, at: 0)
            }
            newWorker.differentPerson = use_worker == "different"
            command.subject = .new(newWorker)
        case "anonymous":
            command.subject = .anonymous(callback: lookedUp)
        default:
            break
        }
        command.callID = call_id
        return command
    }
}
