import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform

/// A new group of an office, as typed.
struct CreateGroup: Sendable {
    var officeID: UUID?
    var name: String
    var site: String

    init(form: [String: String]) {
        officeID = form["office"].flatMap(UUID.init(uuidString:))
        name = form["name"] ?? ""
        site = form["site"] ?? ""
    }

    func check() throws(ValidationErrors) -> (name: String, site: String) {
        var errors = ValidationErrors()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines), site = site.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.add("name", "error.required") } else if name.count > 100 { errors.add("name", "error.too_long") }
        if site.count > 200 { errors.add("site", "error.too_long") }
        try errors.throwIfAny()
        return (name, site)
    }
}

enum Groups {
    static func create(_ command: CreateGroup, in work: WorkContext) async throws -> WorkerGroup {
        let checked = try command.check()
        let office = try await work.organisedOffice(command.officeID)
        let group = WorkerGroup()
        group.ngoID = office.ngoID
        group.officeID = office.id!
        group.name = checked.name
        group.site = checked.site
        group.createdBy = work.actor.userID
        group.createdAt = work.now
        try await work.write { work in
            try await group.create(on: work.db)
            try await work.audit(.createGroup, recordType: "group", recordID: group.id, ngoID: group.ngoID)
        }
        return group
    }

    /// Adds a person to a group from today (as a leader, if said, and with the consents they gave the
    /// member of staff); one who left joins again.
    @discardableResult
    static func add(_ person: Person, leader: Bool, consents: Consents = Consents(), leaderMayContact: Bool = false,
                    to group: WorkerGroup, in work: WorkContext) async throws -> GroupMember {
        _ = try person.check()
        return try await work.write { work in
            let worker = try await person.worker(ngoID: group.ngoID, officeID: group.officeID, consents: consents, in: Registrar(work))
            let member = try await GroupMember.query(on: work.db).filter(\.$groupID == group.id!).filter(\.$workerID == worker.id!).first()
                ?? GroupMember()
            if member.id != nil && member.leftOn == nil { throw ValidationErrors([FieldError("phone", "error.already_member")]) }
            member.ngoID = group.ngoID
            member.officeID = group.officeID
            member.groupID = group.id!
            member.workerID = worker.id!
            member.leader = leader
            member.leaderMayContact = leader || leaderMayContact
            member.joinedOn = work.today
            member.leftOn = nil
            try await member.save(on: work.db)
            try await work.audit(.changeMembers, recordType: "group", recordID: group.id, ngoID: group.ngoID, detail: .record("worker", worker.id!))
            return member
        }
    }

    /// The member leaves the group today; their time in it stays.
    static func leave(_ member: GroupMember, in work: WorkContext) async throws {
        guard member.leftOn == nil else { throw HuzhuAbort(.unprocessableEntity, "error.already_left") }
        member.leftOn = work.today
        member.leader = false
        try await save(member, in: work)
    }

    /// Makes a present member a leader of their group, or no longer one.
    static func lead(_ member: GroupMember, _ leader: Bool, in work: WorkContext) async throws {
        guard member.leftOn == nil else { throw HuzhuAbort(.unprocessableEntity, "error.already_left") }
        member.leader = leader
        try await save(member, in: work)
    }

    /// Links a leader's `group_leader` login of the NGO to their worker record (one record a login), or
    /// unlinks it (no user).
    static func link(_ member: GroupMember, login userID: UUID?, in work: WorkContext) async throws {
        guard member.leader, member.leftOn == nil else { throw HuzhuAbort(.unprocessableEntity, "error.not_a_leader") }
        try await work.write { work in
            try await LeaderLogin.query(on: work.db).filter(\.$workerID == member.workerID).delete()
            if let userID {
                guard let user = try await User.find(userID, on: work.db), user.role == .groupLeader, user.ngoID == member.ngoID, user.active
                else { throw ValidationErrors([FieldError("user", "error.choice_invalid")]) }
                try await LeaderLogin.query(on: work.db).filter(\.$userID == userID).delete()
                let link = LeaderLogin()
                link.ngoID = member.ngoID
                link.userID = userID
                link.workerID = member.workerID
                try await link.create(on: work.db)
            }
            try await work.audit(.changeMembers, recordType: "group", recordID: member.groupID, ngoID: member.ngoID,
                                 detail: .record("worker", member.workerID))
        }
    }

    private static func save(_ member: GroupMember, in work: WorkContext) async throws {
        try await work.write { work in
            try await member.save(on: work.db)
            try await work.audit(.changeMembers, recordType: "group", recordID: member.groupID, ngoID: member.ngoID,
                                 detail: .record("worker", member.workerID))
        }
    }
}
