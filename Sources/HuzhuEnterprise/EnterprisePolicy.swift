import Fluent
import Foundation
import HuzhuCore
import HuzhuPlatform
import Vapor

extension Permission {
    /// Set up partner enterprises: partnership terms, liaison accounts, reports. Scope: the office that
    /// holds the partnership.
    static let managePartners = Permission("enterprise.partners.manage")
    /// Record and follow through workers' feedback about partners. Scope: the office that holds the
    /// partnership (an NGO admin reaches every office's).
    static let workFeedback = Permission("enterprise.feedback.work")
    /// A liaison's portal: their enterprise's escalations and reports. Scope: the liaison's NGO; the
    /// partnership's liaison list decides which enterprise.
    static let usePortal = Permission("enterprise.portal.use")
}

extension AuditAction {
    static let createPartnership = AuditAction("enterprise.partnership.create")
    static let updatePartnership = AuditAction("enterprise.partnership.update")
    static let recordFeedback = AuditAction("enterprise.feedback.record")
    static let viewFeedback = AuditAction("enterprise.feedback.view")
    static let updateFeedback = AuditAction("enterprise.feedback.update")
    static let acknowledgeEscalation = AuditAction("enterprise.escalation.acknowledge")
    static let respondFeedback = AuditAction("enterprise.feedback.respond")
    static let issueReport = AuditAction("enterprise.report.issue")
    static let viewReport = AuditAction("enterprise.report.view")

    static let enterprise: [AuditAction] = [
        .createPartnership, .updatePartnership, .recordFeedback, .viewFeedback, .updateFeedback, .acknowledgeEscalation,
        .respondFeedback, .issueReport, .viewReport,
    ]
}

enum EnterprisePolicy {
    static func grant(_ policy: inout Policy) {
        policy.grant(.managePartners, to: [.ngoAdmin, .officeSupervisor])
        policy.grant(.workFeedback, to: [.ngoAdmin, .officeSupervisor, .caseworker])
        policy.grant(.usePortal, to: [.enterpriseLiaison], within: .ngo)
    }
}

extension Request {
    /// A partnership by id, if the signed-in person may work with its feedback (or do `permission`);
    /// another office's or NGO's does not exist for them.
    func partnership(_ id: UUID, _ permission: Permission = .workFeedback) async throws -> Partnership {
        guard let found = try await Partnership.query(on: db).filter(\.$id == id).visible(try tenant()).first()
        else { throw HuzhuAbort.notFound }
        try authorizeRecord(permission, in: found.scope)
        return found
    }

    /// The partnerships held by the signed-in person's office (all of the NGO's for an NGO admin), by name.
    func heldPartnerships() async throws -> [Partnership] {
        try inOwnScope(.workFeedback)
        return try await Partnership.query(on: db).visible(try visibility(.workFeedback)).sort(\.$name).all()
    }

    /// The partnerships whose liaison the signed-in person is; nothing of any other enterprise.
    func liaisonPartnerships() async throws -> [Partnership] {
        let actor = try requireActor()
        guard let ngo = actor.ngoID else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        try authorize(.usePortal, in: .ngo(ngo))
        let ids = try await PartnerLiaison.query(on: db).filter(\.$userID == actor.userID).all().map(\.partnershipID)
        guard !ids.isEmpty else { return [] }
        return try await Partnership.query(on: db).filter(\.$id ~~ ids).filter(\.$ngoID == ngo).all()
    }
}
