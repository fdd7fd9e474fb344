import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform

enum SavedLists {
    /// Saves a named search for an office the actor organises.
    static func save(name: String, officeID: UUID?, search: WorkerSearch, in work: WorkContext) async throws -> SavedList {
        var errors = ValidationErrors()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.add("name", "error.required") } else if name.count > 100 { errors.add("name", "error.too_long") }
        do { try search.check() } catch { for field in error.errors { errors.add(field.field, field.messageKey) } }
        try errors.throwIfAny()
        let office = try await work.organisedOffice(officeID)
        let list = SavedList()
        list.ngoID = office.ngoID
        list.officeID = office.id!
        list.name = name
        list.search = String(decoding: try JSONEncoder().encode(search), as: UTF8.self)
        list.createdBy = work.actor.userID
        list.createdAt = work.now
        try await work.write { work in
            try await list.create(on: work.db)
            try await work.audit(.saveList, recordType: "list", recordID: list.id, ngoID: list.ngoID)
        }
        return list
    }

    /// The workers the list finds today.
    static func run(_ list: SavedList, criteria: [WorkerCriterion], in work: WorkContext, limit: Int = 100_000) async throws -> [UUID] {
        let search = try JSONDecoder().decode(WorkerSearch.self, from: Data(list.search.utf8))
        return try await search.run(ngoID: list.ngoID, criteria: criteria, now: work.now, db: work.db, limit: limit)
    }

    /// Adds the list's workers to a group the actor organises, from today; those already in it stay as
    /// they are. Returns how many joined.
    static func addToGroup(_ workers: [UUID], groupID: UUID, in work: WorkContext) async throws -> Int {
        let group = try await work.organised(WorkerGroup.self, groupID)
        return try await work.write { work in
            // Every membership of the group, present or past, read once: a past one is opened again.
            let known = Dictionary(try await GroupMember.query(on: work.db).filter(\.$groupID == groupID).all().map { ($0.workerID, $0) }) { first, _ in first }
            var joined = 0
            for worker in workers where known[worker]?.leftOn != nil || known[worker] == nil {
                let member = known[worker] ?? GroupMember()
                member.ngoID = group.ngoID
                member.officeID = group.officeID
                member.groupID = groupID
                member.workerID = worker
                member.leader = false
                member.leaderMayContact = false
                member.joinedOn = work.today
                member.leftOn = nil
                try await member.save(on: work.db)
                joined += 1
            }
            try await work.audit(.changeMembers, recordType: "group", recordID: groupID, ngoID: group.ngoID, detail: .count(joined, "joined"))
            return joined
        }
    }

    /// Registers the list's workers for a training the actor organises: each gets a place or a turn on
    /// the waiting list; those already registered, or refused for want of places, are counted.
    static func register(_ workers: [UUID], trainingID: UUID, in work: WorkContext) async throws -> (registered: Int, waiting: Int, refused: Int) {
        let training = try await work.organised(Training.self, trainingID)
        var result = (registered: 0, waiting: 0, refused: 0)
        for worker in workers {
            do {
                let registration = try await Trainings.register(worker: worker, for: training, by: Registrar(work))
                if registration.state == .registered { result.registered += 1 } else { result.waiting += 1 }
            } catch is ValidationErrors {
                result.refused += 1
            } catch let abort as HuzhuAbort where abort.messageKey == "error.training_full" {
                result.refused += 1
            }
        }
        return result
    }
}
