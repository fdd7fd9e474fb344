import Fluent
import Foundation
import HuzhuCore
import HuzhuOrg
import HuzhuPlatform
import Vapor

extension Permission {
    /// Organise an office's worker network: its groups, their members and leaders, its trainings, who
    /// registers and who came. Scope: the office.
    static let organiseWorkers = Permission("outreach.organise")
    /// Lead one's own groups: see the members who agreed to be reached by their leader, the trainings
    /// open to them and the texts sent to the group; register members for a training. What is theirs is
    /// the groups their login's worker record leads. Scope: the NGO.
    static let leadGroups = Permission("outreach.lead")
}

extension AuditAction {
    static let createGroup = AuditAction("outreach.group.create")
    static let viewGroup = AuditAction("outreach.group.view")
    static let changeMembers = AuditAction("outreach.member.change")
    static let createTraining = AuditAction("outreach.training.create")
    static let viewTraining = AuditAction("outreach.training.view")
    static let register = AuditAction("outreach.registration.change")
    static let recordAttendance = AuditAction("outreach.attendance.record")
    static let saveList = AuditAction("outreach.list.save")
    static let viewList = AuditAction("outreach.list.view")
    static let sendMessage = AuditAction("outreach.message.send")
    static let viewMessage = AuditAction("outreach.message.view")

    static let workerNetwork: [AuditAction] = [
        .createGroup, .viewGroup, .changeMembers, .createTraining, .viewTraining, .register, .recordAttendance, .saveList, .viewList, .sendMessage, .viewMessage,
    ]
}

enum WorkerNetworkPolicy {
    static func grant(_ policy: inout Policy) {
        policy.grant(.organiseWorkers, to: [.ngoAdmin, .officeSupervisor, .caseworker])
        policy.grant(.leadGroups, to: [.groupLeader], within: .ngo)
    }
}

extension WorkContext {
    /// Refuses (403) anyone who organises no worker network where they work, before a record is looked at.
    func organisesWorkers() throws {
        guard may(.organiseWorkers, in: Policy.ownScope(of: actor)) else { throw HuzhuAbort(.forbidden, "error.forbidden") }
    }

    /// An office by id whose network the actor organises; otherwise the form's office is not a choice.
    func organisedOffice(_ id: UUID?) async throws -> Office {
        try organisesWorkers()
        guard let id, let office = try await Office.query(on: db).filter(\.$id == id).visible(Policy.tenant(of: actor)).first(),
              may(.organiseWorkers, in: .office(ngo: office.ngoID, office: id))
        else { throw ValidationErrors([FieldError("office", "error.choice_invalid")]) }
        return office
    }

    /// A record of an office the actor organises; another's does not exist for them.
    func organised<R: OfficeHeld>(_ type: R.Type, _ id: UUID) async throws -> R {
        try organisesWorkers()
        guard let found = try await R.query(on: db).filter(.id, .equal, id).visible(Policy.tenant(of: actor)).first(),
              may(.organiseWorkers, in: found.scope) else { throw HuzhuAbort.notFound }
        return found
    }
}

/// A record an office holds, found by id.
protocol OfficeHeld: TenantRecord where IDValue == UUID {
    var ngoID: UUID { get }
    var officeID: UUID { get }
}

extension OfficeHeld {
    var scope: Scope { .office(ngo: ngoID, office: officeID) }
}

extension WorkerGroup: OfficeHeld {}
extension GroupMember: OfficeHeld {}
extension Training: OfficeHeld {}
extension TrainingRegistration: OfficeHeld {}
extension SMSMessage: OfficeHeld {}
extension SavedList: OfficeHeld {}
