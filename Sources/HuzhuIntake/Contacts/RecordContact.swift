import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform

/// Whom a contact is with: a known worker, a worker recorded with it, or an anonymous caller (with the
/// number to call back, if they gave one).
enum ContactSubject<NewWorker: Sendable>: Sendable {
    case existing(UUID)
    case new(NewWorker)
    case anonymous(callback: PhoneNumber?)
}

/// A contact to record, as the intake page (`ContactDraft.command`) and `POST /api/v1/contacts`
/// (`ContactInput.command`) both receive it, in real types. `Intake.record` checks it once and records it.
struct RecordContact: Sendable {
    /// Nil when not given or not on the list.
    var channel: Contact.Channel?
    var direction: Contact.Direction = .inbound
    /// When the operator gave the start; else it is now, or the call's own time.
    var startedAt: Date?
    var durationSeconds: Int?
    var topicIDs: [UUID] = []
    var summary = ""
    var advice = ""
    var outcome: Contact.Outcome?
    var followUpOn: CalendarDate?
    var subject: ContactSubject<SaveWorker>?
    var callID: String?
    /// What the edge could not read as its type, reported with the rest.
    var unread = ValidationErrors()

    /// The contact checked, ready to store.
    struct Checked: Sendable {
        var channel: Contact.Channel
        var direction: Contact.Direction
        var startedAt: Date
        /// Whether the operator gave the start time (else it is "now", or the call's own time).
        var startTyped: Bool
        var durationSeconds: Int?
        var topicIDs: [UUID]
        var summary: String
        var advice: String
        var outcome: Contact.Outcome
        var followUpOn: CalendarDate?
        var subject: ContactSubject<WorkerValues>
        var callID: String?
    }

    /// Checks everything at once. `activeTopics` are the ids a contact may be tagged with.
    func check(activeTopics: Set<UUID>, now: Date) throws(ValidationErrors) -> Checked {
        var errors = unread
        if channel == nil { errors.add("channel", "error.choice_invalid") }
        if let startedAt, startedAt > now.addingTimeInterval(300) || startedAt <= now.addingTimeInterval(-366 * 24 * 3600) {
            errors.add("started_at", "error.time_invalid")
        }
        if let durationSeconds, !(0...36_000).contains(durationSeconds) { errors.add("duration_seconds", "error.duration_invalid") }
        if errors.messageKey(for: "topics") == nil && (topicIDs.isEmpty || !topicIDs.allSatisfy(activeTopics.contains)) {
            errors.add("topics", "error.topics_required")
        }
        let summary = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.isEmpty { errors.add("summary", "error.required") }
        if summary.count > 4000 { errors.add("summary", "error.text_too_long") }
        let advice = advice.trimmingCharacters(in: .whitespacesAndNewlines)
        if advice.count > 4000 { errors.add("advice", "error.text_too_long") }
        if outcome == nil { errors.add("outcome", "error.choice_invalid") }
        if let followUpOn, followUpOn < CalendarDate(now) { errors.add("follow_up_on", "error.date_invalid") }
        var checkedSubject: ContactSubject<WorkerValues>?
        switch subject {
        case .existing(let id)?: checkedSubject = .existing(id)
        case .anonymous(let callback)?: checkedSubject = .anonymous(callback: callback)
        case .new(let worker)?:
            do { checkedSubject = .new(try worker.check(today: CalendarDate(now))) } catch { errors.append(contentsOf: error) }
        case nil: errors.add("subject", "error.subject_required")
        }
        if outcome == .callback, case .anonymous(callback: nil)? = subject { errors.add("outcome", "error.callback_needs_phone") }
        try errors.throwIfAny()
        return Checked(channel: channel!, direction: direction, startedAt: startedAt ?? now, startTyped: startedAt != nil,
                       durationSeconds: durationSeconds, topicIDs: topicIDs, summary: summary, advice: advice, outcome: outcome!,
                       followUpOn: followUpOn, subject: checkedSubject!, callID: callID?.isEmpty == false ? callID : nil)
    }
}

/// Intake's commands: each takes its command value and the work's context, never a request, so the
/// pages, the API and the tests run the same code.
enum Intake {
    /// Records a contact in the actor's office, with its audit rows, in one transaction.
    static func record(_ command: RecordContact, in work: WorkContext) async throws -> ContactStore.Recorded {
        let (_, officeID) = try work.ownOffice(.recordContacts)
        let now = work.now
        let topics = try await Topic.query(on: work.db).filter(\.$active == true).all()
        let checked = try command.check(activeTopics: Set(topics.compactMap(\.id)), now: now)
        guard let office = try await Office.find(officeID, on: work.db) else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        if case .new(let values) = checked.subject, case .new(let typed)? = command.subject {
            try await KnownWorker.stopIfKnown(values, confirmedDifferent: typed.differentPerson, ngoID: office.ngoID, in: work)
        }
        return try await work.write { work in
            let recorded = try await ContactStore(db: work.db, cipher: work.cipher).record(checked, by: work.actor, office: office, now: now)
            if recorded.createdWorker, let worker = recorded.worker {
                try await work.audit(.createWorker, recordType: "worker", recordID: worker.id, ngoID: worker.ngoID)
            }
            try await work.audit(.createContact, recordType: "contact", recordID: recorded.contact.id, ngoID: recorded.contact.ngoID)
            return recorded
        }
    }
}

extension Intake {
    /// Records a new worker in the actor's office (the workers API), unless the NGO may already know them.
    static func enrol(_ command: SaveWorker, in work: WorkContext) async throws -> (Worker, WorkerValues) {
        let (ngoID, officeID) = try work.ownOffice(.recordContacts)
        let values = try command.check(today: work.today)
        try await KnownWorker.stopIfKnown(values, confirmedDifferent: command.differentPerson, ngoID: ngoID, in: work)
        let now = work.now
        let worker = Worker()
        worker.ngoID = ngoID
        worker.officeID = officeID
        worker.createdAt = now
        worker.createdBy = work.actor.userID
        try await work.write { work in
            try await WorkerStore(db: work.db, cipher: work.cipher).save(values, into: worker, today: CalendarDate(now), now: now)
            try await work.audit(.createWorker, recordType: "worker", recordID: worker.id, ngoID: ngoID)
        }
        return (worker, values)
    }
}
