import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform

/// A message as typed: to whom, and the text.
struct ComposeMessage: Sendable {
    var audience: String
    var audienceID: UUID?
    var body: String

    init(form: [String: String]) {
        audience = form["audience"] ?? ""
        audienceID = form["audience_id"].flatMap(UUID.init(uuidString:))
        body = form["body"] ?? ""
    }
}

enum Messages {
    /// Why a worker of the audience gets no copy.
    enum Skipped: String, CaseIterable, Sendable {
        case noConsent = "no_consent", optedOut = "opted_out", noPhone = "no_phone"
    }

    /// What sending would do: the text as sent and its segments, who gets a copy (at which number), and
    /// how many of the audience are left out, and why.
    struct Plan: Sendable {
        let ngoID: UUID
        let officeID: UUID
        let audience: Audience
        let audienceID: UUID
        let body: String
        let text: String
        let segments: Int
        let recipients: [(worker: UUID, phone: PhoneNumber)]
        let skipped: [Skipped: Int]
    }

    /// Checks the message and finds its recipients; writes nothing.
    /// `criteria`: the search's criteria features add, for a saved list.
    static func plan(_ command: ComposeMessage, criteria: [WorkerCriterion], in work: WorkContext) async throws -> Plan {
        var errors = ValidationErrors()
        let audience = Audience(rawValue: command.audience)
        guard let audience, let audienceID = command.audienceID else { throw HuzhuAbort.notFound }
        let (ngoID, officeID, workers) = try await members(of: audience, audienceID, criteria: criteria, in: work)
        let body = command.body.trimmingCharacters(in: .whitespacesAndNewlines)
        let signature = SMSText.signature(try await NGO.find(ngoID, on: work.db)?.name ?? "")
        let text = SMSText.compose(body, signature: signature)
        let segments = SMSText.segments(text)
        if body.isEmpty { errors.add("body", "error.required") }
        else if segments > SMSText.maxSegments { errors.add("body", "error.sms_too_long") }
        let (recipients, skipped) = try await eligible(workers, in: work)
        if body.isEmpty == false && recipients.isEmpty { errors.add("body", "error.sms_nobody") }
        try errors.throwIfAny()
        return Plan(ngoID: ngoID, officeID: officeID, audience: audience, audienceID: audienceID, body: body, text: text,
                    segments: segments, recipients: recipients, skipped: skipped)
    }

    /// Records the message and queues a copy for each recipient, in one transaction; the sender hands
    /// them to the gateway in turn.
    static func send(_ command: ComposeMessage, criteria: [WorkerCriterion], in work: WorkContext) async throws -> SMSMessage {
        let plan = try await plan(command, criteria: criteria, in: work)
        let message = SMSMessage()
        message.ngoID = plan.ngoID
        message.officeID = plan.officeID
        message.audience = plan.audience
        message.audienceID = plan.audienceID
        message.bodyCipher = try work.cipher.seal(plan.body)
        message.textCipher = try work.cipher.seal(plan.text)
        message.segments = plan.segments
        message.createdBy = work.actor.userID
        message.createdAt = work.now
        try await work.write { work in
            try await message.create(on: work.db)
            for recipient in plan.recipients {
                let copy = SMSRecipient()
                copy.ngoID = plan.ngoID
                copy.officeID = plan.officeID
                copy.messageID = message.id!
                copy.workerID = recipient.worker
                copy.phoneCipher = try work.cipher.seal(recipient.phone.digits)
                copy.state = .queued
                copy.updatedAt = work.now
                try await copy.create(on: work.db)
            }
            try await work.audit(.sendMessage, recordType: "sms", recordID: message.id, ngoID: message.ngoID,
                                 detail: .count(plan.recipients.count, "recipients"))
        }
        return message
    }

    /// The audience's NGO, the office that speaks to it, and its workers.
    static func members(of audience: Audience, _ id: UUID, criteria: [WorkerCriterion], in work: WorkContext) async throws -> (UUID, UUID, [UUID]) {
        switch audience {
        case .group:
            let group = try await work.organised(WorkerGroup.self, id)
            let members = try await GroupMember.query(on: work.db).filter(\.$groupID == id).filter(\.$leftOn == nil).all()
            return (group.ngoID, group.officeID, members.map(\.workerID))
        case .training:
            let training = try await work.organised(Training.self, id)
            let registered = try await TrainingRegistration.query(on: work.db).filter(\.$trainingID == id)
                .filter(\.$state ~~ [.registered, .waiting]).all()
            return (training.ngoID, training.officeID, registered.map(\.workerID))
        case .list:
            let list = try await work.organised(SavedList.self, id)
            return (list.ngoID, list.officeID, try await SavedLists.run(list, criteria: criteria, in: work))
        case .worker:
            try work.organisesWorkers()
            guard let worker = try await Worker.query(on: work.db).filter(\.$id == id).filter(\.$mergedInto == nil)
                      .visible(Policy.tenant(of: work.actor)).first(),
                  let office = work.actor.officeID ?? Optional(worker.officeID),
                  work.may(.organiseWorkers, in: .office(ngo: worker.ngoID, office: office)) else { throw HuzhuAbort.notFound }
            return (worker.ngoID, office, [id])
        }
    }

    /// Of these workers, those who consented to SMS, have a phone, and whose phone has not opted out.
    static func eligible(_ workerIDs: [UUID], in work: WorkContext) async throws -> ([(worker: UUID, phone: PhoneNumber)], [Skipped: Int]) {
        var skipped: [Skipped: Int] = [:]
        var recipients: [(worker: UUID, phone: PhoneNumber)] = []
        for slice in Array(Set(workerIDs)).chunks(of: 500) {
            let workers = try await Worker.query(on: work.db).filter(\.$id ~~ Array(slice)).filter(\.$mergedInto == nil).all()
            let phones = try await WorkerStore(db: work.db, cipher: work.cipher).phones(of: workers.compactMap(\.id))
            let out = try await OptOuts.out(phones.values.flatMap { $0.map(\.digits) }, db: work.db, cipher: work.cipher)
            for worker in workers.sorted(by: { $0.createdAt < $1.createdAt }) {
                let own = phones[worker.id!] ?? []
                if worker.consentSMSOn == nil { skipped[.noConsent, default: 0] += 1 }
                else if own.contains(where: { out.contains($0.digits) }) { skipped[.optedOut, default: 0] += 1 }
                else if let phone = own.first(where: { $0.digits.hasPrefix("1") && $0.digits.count == 11 }) { recipients.append((worker.id!, phone)) }
                else { skipped[.noPhone, default: 0] += 1 }
            }
        }
        return (recipients, skipped)
    }
}
