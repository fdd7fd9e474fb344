import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

/// A contact to record, as the API takes it.
struct ContactInput: Content {
    var channel: String?
    var direction: String?
    var started_at: Date?
    var duration_seconds: Int?
    /// Topic codes (`wage_arrears`).
    var topics: [String]?
    var summary: String?
    var advice: String?
    var outcome: String?
    var follow_up_on: String?
    /// A known worker; or `worker` to create one; or neither for an anonymous contact.
    var worker_id: UUID?
    var worker: WorkerInput?
    /// An anonymous caller's number for a callback.
    var callback_phone: String?
    var call_id: String?
}

extension ContactInput {
    /// The contact as sent, in its types; `topics` maps the catalogue's codes to ids. A value that cannot
    /// be read is reported when the command is checked.
    func command(topics codes: [String: UUID]) -> RecordContact {
        var command = RecordContact()
        command.channel = channel.flatMap(Contact.Channel.init(rawValue:))
        if let direction {
            if let read = Contact.Direction(rawValue: direction) { command.direction = read } else { command.unread.add("direction", "error.choice_invalid") }
        }
        command.startedAt = started_at
        command.durationSeconds = duration_seconds
        command.topicIDs = (topics ?? []).compactMap { codes[$0] }
        if command.topicIDs.count != (topics ?? []).count { command.unread.add("topics", "error.topics_required") }
        command.summary = summary ?? ""
        command.advice = advice ?? ""
        command.outcome = outcome.flatMap(Contact.Outcome.init(rawValue:))
        if let follow_up_on, !follow_up_on.isEmpty {
            command.followUpOn = CalendarDate(iso: follow_up_on)
            if command.followUpOn == nil { command.unread.add("follow_up_on", "error.date_invalid") }
        }
        if let worker_id {
            command.subject = .existing(worker_id)
        } else if let worker {
            command.subject = .new(worker.command)
        } else {
            let callback = callback_phone.flatMap { raw in command.unread.check { () throws(FieldError) in try PhoneNumber(raw, field: "callback_phone") } }
            command.subject = .anonymous(callback: callback)
        }
        command.callID = call_id
        return command
    }
}
