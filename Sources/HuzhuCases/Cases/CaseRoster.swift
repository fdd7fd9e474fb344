import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Vapor

/// Who a case is for, against and worked by: its workers, its respondents and its assignees. Each
/// addition is a line of the timeline and an audit row.
struct CaseRoster {
    let journal: CaseJournal
    var db: any Database { journal.db }
    var found: Case { journal.case }

    /// Adds workers of the NGO already on record; those already on the case are skipped.
    func add(workerIDs: [UUID]) async throws {
        let caseID = try found.requireID()
        let present = Set(try await CaseWorker.query(on: db).filter(\.$caseID == caseID).all().map(\.workerID))
        let workers = try await Worker.query(on: db).filter(\.$id ~~ workerIDs).filter(\.$ngoID == found.ngoID).all()
        for worker in workers where !present.contains(worker.id!) {
            let link = CaseWorker()
            link.ngoID = found.ngoID
            link.caseID = caseID
            link.workerID = try worker.requireID()
            link.addedAt = journal.work.now
            try await link.create(on: db)
            try await journal.record(.worker, try worker.openName(journal.work.cipher), ref: worker.id, audit: .updateCase)
        }
    }

    /// Adds a typed roster: each person found by phone among the NGO's workers, or recorded anew.
    func enrol(_ lines: [RosterLine]) async throws {
        guard !lines.isEmpty else { return }
        let work = journal.work
        let enrolment = WorkerEnrolment(db: db, cipher: work.cipher)
        var ids: [UUID] = []
        for line in lines {
            let (worker, created) = try await enrolment.enrol(
                name: line.name, phone: line.phone, ngoID: found.ngoID, officeID: found.officeID,
                by: work.actor.userID, now: work.now)
            if created {
                try await work.audit(.createWorker, recordType: "worker", recordID: worker.id, ngoID: found.ngoID)
            }
            ids.append(try worker.requireID())
        }
        try await add(workerIDs: ids)
    }

    /// Adds a respondent by name: the NGO's employer of that name (not merged away), or a new one.
    func addRespondent(named name: String, role: ChainRole) async throws {
        let employer = try await Employer.named(name, ngoID: found.ngoID, in: journal.work)
        try await addRespondent(employer, role: role)
    }

    func addRespondent(_ employer: Employer, role: ChainRole) async throws {
        let caseID = try found.requireID()
        let employerID = try employer.requireID()
        if let present = try await CaseRespondent.query(on: db).filter(\.$caseID == caseID)
            .filter(\.$employerID == employerID).first() {
            present.role = role
            try await present.save(on: db)
        } else {
            let link = CaseRespondent()
            link.ngoID = found.ngoID
            link.caseID = caseID
            link.employerID = employerID
            link.role = role
            try await link.create(on: db)
        }
        try await journal.record(.respondent, employer.name, ref: employerID, audit: .updateCase)
    }

    /// Assigns a person to the case (once).
    func assign(userID: UUID, name: String) async throws {
        let caseID = try found.requireID()
        guard try await CaseAssignee.query(on: db).filter(\.$caseID == caseID).filter(\.$userID == userID).first() == nil
        else { return }
        let assignee = CaseAssignee()
        assignee.ngoID = found.ngoID
        assignee.caseID = caseID
        assignee.userID = userID
        assignee.assignedAt = journal.work.now
        try await assignee.create(on: db)
        try await journal.record(.assignment, name, ref: userID, audit: .assignCase, recordType: "user", recordID: userID)
    }
}
