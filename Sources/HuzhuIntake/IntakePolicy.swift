import HuzhuCore
import HuzhuPlatform

extension Permission {
    /// Record contacts (and the workers they are about) for one's office. Scope: the office.
    static let recordContacts = Permission("intake.contacts.record")
    /// Read the contacts of an office. Scope: the contact's office. Hotline volunteers hold
    /// `readOwnContacts` instead.
    static let readContacts = Permission("intake.contacts.read")
    /// Read the contacts one recorded oneself. Scope: the contact's office.
    static let readOwnContacts = Permission("intake.contacts.read_own")
    /// Read and edit worker records of the NGO: a worker is the NGO's, whichever office first met them.
    /// Scope: the worker's NGO.
    package static let readWorkers = Permission("intake.workers.read")
    /// See phone and ID numbers in full (a reveal that is audited). Scope: the worker's NGO.
    static let revealIdentifiers = Permission("intake.identifiers.reveal")
    /// Merge duplicate workers. Scope: the NGO.
    static let mergeWorkers = Permission("intake.workers.merge")
    /// Import and export worker lists. Scope: the NGO.
    static let transferWorkers = Permission("intake.workers.transfer")
    /// Answer a worker's request under PIPL: export everything held about them, erase it. Scope: the NGO.
    static let handleDataRights = Permission("intake.workers.data_rights")
    /// Work an office's callback queue. Scope: the office.
    static let workCallbacks = Permission("intake.callbacks.work")
    /// Extend the network's topic taxonomy. Scope: the network.
    static let manageTopics = Permission("intake.topics.manage")
    /// Register telephony lines and their secrets. Scope: the office's NGO.
    static let manageLines = Permission("intake.lines.manage")
}

extension AuditAction {
    static let createContact = AuditAction("intake.contact.create")
    static let viewContact = AuditAction("intake.contact.view")
    package static let createWorker = AuditAction("intake.worker.create")
    static let updateWorker = AuditAction("intake.worker.update")
    static let viewWorker = AuditAction("intake.worker.view")
    static let revealIdentifiers = AuditAction("intake.worker.reveal")
    static let mergeWorkers = AuditAction("intake.worker.merge")
    static let importWorkers = AuditAction("intake.worker.import")
    static let exportWorkers = AuditAction("intake.worker.export")
    static let exportWorkerData = AuditAction("intake.worker.export_data")
    static let eraseWorker = AuditAction("intake.worker.erase")
    static let attemptCallback = AuditAction("intake.callback.attempt")
    static let createTopic = AuditAction("intake.topic.create")
    static let createLine = AuditAction("intake.line.create")

    static let intake: [AuditAction] = [
        .createContact, .viewContact, .createWorker, .updateWorker, .viewWorker, .revealIdentifiers, .mergeWorkers,
        .importWorkers, .exportWorkers, .exportWorkerData, .eraseWorker, .attemptCallback, .createTopic, .createLine,
    ]
}

enum IntakePolicy {
    /// Office staff who answer the hotline and receive visitors.
    static let operators: Set<Role> = [.officeSupervisor, .caseworker, .hotlineVolunteer]
    /// Staff who may read the NGO's worker records.
    static let staff: Set<Role> = [.networkAdmin, .ngoAdmin, .officeSupervisor, .caseworker]

    static func grant(_ policy: inout Policy) {
        policy.grant(.recordContacts, to: operators)
        // A volunteer lawyer answers the hotline or receives visitors only during a shift of theirs.
        policy.grant(.recordContacts, to: [.volunteerLawyer], within: .onDuty)
        policy.grant(.readContacts, to: [.networkAdmin, .ngoAdmin, .officeSupervisor, .caseworker])
        policy.grant(.readOwnContacts, to: [.hotlineVolunteer, .volunteerLawyer])
        policy.grant(.readWorkers, to: staff, within: .ngo)
        policy.grant(.revealIdentifiers, to: staff, within: .ngo)
        policy.grant(.mergeWorkers, to: [.networkAdmin, .ngoAdmin, .officeSupervisor], within: .ngo)
        policy.grant(.transferWorkers, to: [.networkAdmin, .ngoAdmin, .officeSupervisor], within: .ngo)
        policy.grant(.handleDataRights, to: [.networkAdmin, .ngoAdmin, .officeSupervisor], within: .ngo)
        policy.grant(.workCallbacks, to: operators)
        policy.grant(.manageTopics, to: [.networkAdmin])
        policy.grant(.manageLines, to: [.networkAdmin, .ngoAdmin])
    }
}
