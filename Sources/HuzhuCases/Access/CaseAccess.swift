import Fluent
import Foundation
import HuzhuPlatform
import Vapor

/// What the signed-in person may do with one case: read it (office staff, or a lawyer assigned to it)
/// and work it (office staff who work cases, or the assigned lawyer).
struct CaseAccess {
    let `case`: Case
    /// The signed-in person's own assignment to the case, if any.
    let assignment: CaseAssignee?
    let mayWork: Bool
    /// May assign people and change the roster (office staff, not an assigned lawyer).
    let mayManage: Bool

    var scope: Scope { .office(ngo: `case`.ngoID, office: `case`.officeID) }

    /// The key of the error a lawyer meets before confirming they have no conflict of interest.
    static let conflictUnconfirmed = "error.conflict_unconfirmed"
}

extension Request {
    /// A case of the signed-in person's NGO by id; another NGO's case does not exist for them.
    func findCase(_ id: UUID) async throws -> Case {
        guard let found = try await Case.query(on: db).filter(\.$id == id).visible(try tenant()).first() else { throw HuzhuAbort.notFound }
        return found
    }

    /// What the signed-in person may do with the case: not found if nothing, a conflict error for an
    /// assigned lawyer who has not yet confirmed they have no conflict of interest.
    func access(_ found: Case, confirmed: Bool = true) async throws -> CaseAccess {
        let actor = try requireActor()
        let scope = Scope.office(ngo: found.ngoID, office: found.officeID)
        let assignment = try await CaseAssignee.query(on: db).filter(\.$caseID == found.requireID())
            .filter(\.$userID == actor.userID).first()
        if may(.readCases, in: scope) {
            let work = may(.workCases, in: scope)
            return CaseAccess(case: found, assignment: assignment, mayWork: work, mayManage: work)
        }
        guard may(.workAssignedCases, in: scope), let assignment else { throw HuzhuAbort.notFound }
        if confirmed && assignment.conflictConfirmedAt == nil { throw HuzhuAbort(.conflict, CaseAccess.conflictUnconfirmed) }
        return CaseAccess(case: found, assignment: assignment, mayWork: true, mayManage: false)
    }

    /// The case of the route's `:id`, read in full (an audited read).
    func readCase() async throws -> CaseAccess {
        let access = try await access(try await findCase(try routeID()))
        try await audit(.viewCase, recordType: "case", recordID: access.case.id, ngoID: access.case.ngoID)
        return access
    }

    /// The case of the route's `:id`, to change it; the change itself is audited by the caller.
    func workCase(manage: Bool = false) async throws -> CaseAccess {
        let access = try await access(try await findCase(try routeID()))
        guard manage ? access.mayManage : access.mayWork else { throw HuzhuAbort(.forbidden, "error.forbidden") }
        return access
    }
}

extension Request {
    /// Whose cases the signed-in person may list: those the policy lets them read, or, for a volunteer
    /// lawyer (`lawyer`), their NGO's among which they see only those assigned to them.
    func caseListing() throws -> (actor: Actor, visible: Visibility, lawyer: Bool) {
        let actor = try requireActor()
        let scope = Policy.ownScope(of: actor)
        let lawyer = !may(.readCases, in: scope)
        if lawyer { try authorize(.workAssignedCases, in: scope) }
        return (actor, try visibility(lawyer ? .workAssignedCases : .readCases), lawyer)
    }

    /// Of these cases, those the signed-in person may open (the rule of `access`), with one query for
    /// their assignments rather than one per case.
    func readable(_ cases: [Case]) async throws -> [Case] {
        let actor = try requireActor()
        let ids = cases.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let assigned = Set(try await CaseAssignee.query(on: db).filter(\.$userID == actor.userID).filter(\.$caseID ~~ ids).all()
            .map(\.caseID))
        return cases.filter { found in
            let scope = Scope.office(ngo: found.ngoID, office: found.officeID)
            return may(.readCases, in: scope) || (may(.workAssignedCases, in: scope) && assigned.contains(found.id!))
        }
    }
}
