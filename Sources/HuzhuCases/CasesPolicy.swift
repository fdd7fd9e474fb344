import HuzhuCore
import HuzhuOrg
import HuzhuPlatform

extension Permission {
    /// Read the cases of an office. Scope: the case's office.
    static let readCases = Permission("casework.cases.read")
    /// Open cases, and change them: workers, respondents, assignees, status, claims, payments, files,
    /// notes. Scope: the case's office.
    static let workCases = Permission("casework.cases.work")
    /// Read and work only the cases one is assigned to (volunteer lawyers), after confirming there is
    /// no conflict of interest. Scope: the case's NGO; the assignment decides.
    static let workAssignedCases = Permission("casework.cases.work_assigned")
    /// Approve the closing of a case where the office requires it. Scope: the case's office.
    static let approveClosings = Permission("casework.closings.approve")
    /// Whether an office's closings need approval. Scope: the office.
    static let configureCases = Permission("casework.settings.manage")
    /// Read and record the NGO's employers. Scope: the NGO.
    static let manageEmployers = Permission("casework.employers.manage")
    /// Merge duplicate employers. Scope: the NGO.
    static let mergeEmployers = Permission("casework.employers.merge")
    /// Use the labour-law calculator (staff and volunteers). Scope: one's own.
    static let useCalculator = Permission("casework.calculator.use")
    /// Manage an office's mediation committee and read its register. Scope: the office.
    static let manageMediation = Permission("casework.mediation.manage")
    /// Add local wage figures and choose the network's local-practice settings. Scope: the network.
    static let manageLawParameters = Permission("casework.law_parameters.manage")
}

extension AuditAction {
    static let openCase = AuditAction("casework.case.open")
    static let viewCase = AuditAction("casework.case.view")
    static let updateCase = AuditAction("casework.case.update")
    static let moveCase = AuditAction("casework.case.move")
    static let approveClosing = AuditAction("casework.case.approve_closing")
    static let assignCase = AuditAction("casework.case.assign")
    static let confirmNoConflict = AuditAction("casework.case.confirm_no_conflict")
    static let declineCase = AuditAction("casework.case.decline")
    static let recordClaim = AuditAction("casework.claim.record")
    static let recordPayment = AuditAction("casework.payment.record")
    static let uploadEvidence = AuditAction("casework.file.upload")
    static let downloadEvidence = AuditAction("casework.file.download")
    static let updateEmployer = AuditAction("casework.employer.update")
    static let viewEmployer = AuditAction("casework.employer.view")
    static let mergeEmployers = AuditAction("casework.employer.merge")
    static let configureCases = AuditAction("casework.settings.update")
    static let updateLawParameters = AuditAction("casework.law_parameters.update")
    static let recordLegalEvent = AuditAction("casework.legal_event.record")
    static let recordSession = AuditAction("casework.mediation.session")
    static let recordAgreement = AuditAction("casework.mediation.agreement")
    static let updateCommittee = AuditAction("casework.mediation.committee")
    static let finaliseDocument = AuditAction("casework.document.finalise")

    static let cases: [AuditAction] = [
        .openCase, .viewCase, .updateCase, .moveCase, .approveClosing, .assignCase, .confirmNoConflict, .declineCase,
        .recordClaim, .recordPayment, .reversePayment, .decideNoCase, .uploadEvidence, .downloadEvidence, .createEmployer, .updateEmployer,
        .viewEmployer, .mergeEmployers, .configureCases, .updateLawParameters, .recordLegalEvent, .recordSession,
        .recordAgreement, .updateCommittee, .finaliseDocument,
    ]
}

enum CasesPolicy {
    static func grant(_ policy: inout Policy) {
        policy.grant(.readCases, to: [.networkAdmin, .ngoAdmin, .officeSupervisor, .caseworker])
        policy.grant(.workCases, to: [.ngoAdmin, .officeSupervisor, .caseworker])
        policy.grant(.workAssignedCases, to: [.volunteerLawyer], within: .ngo)
        policy.grant(.approveClosings, to: [.ngoAdmin, .officeSupervisor])
        policy.grant(.configureCases, to: [.ngoAdmin, .officeSupervisor])
        policy.grant(.manageEmployers, to: [.networkAdmin, .ngoAdmin, .officeSupervisor, .caseworker], within: .ngo)
        policy.grant(.mergeEmployers, to: [.ngoAdmin, .officeSupervisor], within: .ngo)
        policy.grant(.useCalculator, to: [.networkAdmin, .ngoAdmin, .officeSupervisor, .caseworker, .hotlineVolunteer,
                                          .volunteerLawyer])
        policy.grant(.manageLawParameters, to: [.networkAdmin])
        policy.grant(.manageMediation, to: [.officeSupervisor])
    }
}
