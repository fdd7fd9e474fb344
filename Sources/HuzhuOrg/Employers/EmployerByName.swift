import Fluent
import Foundation
import HuzhuPlatform
import Vapor

extension Employer {
    /// The NGO's employer of that name (not merged away), or a new one, recorded with its audit row on
    /// the work's database (the caller's transaction): a respondent typed on a case, the other end of a
    /// chain link, a partner enterprise.
    package static func named(_ name: String, ngoID: UUID, in work: WorkContext) async throws -> Employer {
        if let known = try await Employer.query(on: work.db).filter(\.$ngoID == ngoID).filter(\.$name == name)
            .filter(\.$mergedInto == nil).first() {
            return known
        }
        let employer = Employer()
        employer.ngoID = ngoID
        employer.name = name
        employer.createdAt = work.now
        try await employer.create(on: work.db)
        try await work.audit(.createEmployer, recordType: "employer", recordID: employer.id, ngoID: ngoID)
        return employer
    }
}

extension AuditAction {
    /// An employer recorded, wherever it was typed (Cases lists it among its actions).
    package static let createEmployer = AuditAction("casework.employer.create")
}
