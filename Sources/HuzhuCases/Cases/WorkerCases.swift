import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import Vapor

/// What cases add to the intake's pages and acts: a worker's cases on their page, "open a case" on a
/// contact's page, and moving cases along when workers are merged.
enum WorkerCases {
    static let section: WorkerSection = { request, worker in
        let links = try await CaseWorker.query(on: request.db).filter(\.$workerID == worker.requireID()).all()
        let cases = try await Case.query(on: request.db).filter(\.$id ~~ links.map(\.caseID))
            .filter(\.$ngoID == worker.ngoID).sort(\.$openedOn, .descending).all()
        let visible = try await request.readable(cases)
        let t = request.t
        return .section(.class("card"), .id("cases"), .h2(.text(t("cases.title"))),
            .if(visible.isEmpty, .p(.class("empty"), .text(t("cases.empty")))),
            .ul(.forEach(visible) { found in
                .li(.a(.href(CasesRoute.casePage(.of(found.id!)).path), .text("\(found.number) · \(found.title)")),
                    .text(" · \(t("status.\(found.status.rawValue)"))"))
            }))
    }

    /// The cases of the workers a phone lookup found: number, title and where each stands.
    static let lookupLines: WorkerLookupLines = { workers, ngo, t, db in
        let links = try await CaseWorker.query(on: db).filter(\.$ngoID == ngo).filter(\.$workerID ~~ workers).all()
        guard !links.isEmpty else { return [:] }
        let cases = Dictionary(uniqueKeysWithValues: try await Case.query(on: db).filter(\.$id ~~ links.map(\.caseID)).all()
            .map { ($0.id!, $0) })
        var lines: [UUID: [String]] = [:]
        for link in links {
            guard let found = cases[link.caseID] else { continue }
            lines[link.workerID, default: []].append("\(t("cases.title")) \(found.number) · \(found.title) · \(t("status.\(found.status.rawValue)"))")
        }
        return lines
    }

    static let openFromContact: ContactAction = { request, contact in
        guard let actor = request.actor, actor.officeID != nil,
              request.may(.workCases, in: .office(ngo: contact.ngoID, office: actor.officeID!)) else { return nil }
        return (queryLink(CasesRoute.newCase.path, [("contact", contact.id!.uuidString.lowercased())]), "cases.open_from_contact")
    }

    /// The merged workers' places on cases, claims and payments move to the survivor; where the survivor
    /// is already on the case, the duplicate's place is dropped (its claims still move).
    static let merge: WorkerMergeStep = { merged, survivor, db in
        let claims = try await Claim.query(on: db).filter(\.$workerID ~~ (merged + [survivor])).all()
        let heads = claims.map { "\($0.caseID)|\($0.head.rawValue)" }
        if Set(heads).count != heads.count { throw HuzhuAbort(.conflict, "error.merge_claims_overlap") }
        let present = Set(try await CaseWorker.query(on: db).filter(\.$workerID == survivor).all().map(\.caseID))
        var seen = present
        for link in try await CaseWorker.query(on: db).filter(\.$workerID ~~ merged).all() {
            if seen.insert(link.caseID).inserted {
                link.workerID = survivor
                try await link.save(on: db)
            } else {
                try await link.delete(on: db)
            }
        }
        try await Claim.query(on: db).set(\.$workerID, to: survivor).filter(\.$workerID ~~ merged).update()
        try await Payment.query(on: db).set(\.$workerID, to: survivor).filter(\.$workerID ~~ merged).update()
    }
}
