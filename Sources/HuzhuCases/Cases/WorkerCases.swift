import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuPlatform
import Plot
import SQLKit
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

/// The cases' part of a worker's data: the cases they are party to, their claims and the payments they
/// received; on erasure, their name taken out of the cases' timelines and their claims' notes (amounts,
/// statuses and dates stay: they are what the indicators count).
enum CaseWorkerData {
    static let part = WorkerDataPart(section: "cases", export: export, anonymise: anonymise, activeSince: activeSince)

    static func export(_ worker: Worker, _ cipher: FieldCipher, _ db: any Database) async throws -> WorkerDataPart.Records {
        let id = try worker.requireID()
        let caseIDs = try await CaseWorker.query(on: db).filter(\.$workerID == id).all().map(\.caseID)
        guard !caseIDs.isEmpty else { return [] }
        var records: [[String: String]] = []
        for found in try await Case.query(on: db).filter(\.$id ~~ caseIDs).sort(\.$openedOn).all() {
            records.append(["case": found.number, "title": found.title, "status": found.status.rawValue, "opened_on": found.openedOn])
        }
        for claim in try await Claim.query(on: db).filter(\.$workerID == id).all() {
            var record = ["claim": claim.head.rawValue, "claimed_fen": String(claim.claimedFen)]
            if let agreed = claim.agreedFen { record["agreed_fen"] = String(agreed) }
            if !claim.note.isEmpty { record["note"] = claim.note }
            records.append(record)
        }
        for payment in try await Payment.query(on: db).filter(\.$workerID == id).sort(\.$paidOn).all() {
            records.append(["payment_on": payment.paidOn, "amount_fen": String(payment.amountFen)])
        }
        return records
    }

    static func anonymise(_ worker: Worker, _ db: any Database) async throws {
        let id = try worker.requireID()
        let caseIDs = try await CaseWorker.query(on: db).filter(\.$workerID == id).all().map(\.caseID)
        try await db.sql.update(Claim.schema).set("note", to: SQLBind("")).where("worker_id", .equal, SQLBind(id)).run()
        let name = worker.name
        guard !caseIDs.isEmpty, name.count >= 2, name != WorkerData.anonymisedLabel else { return }
        for event in try await CaseEvent.query(on: db).filter(\.$caseID ~~ caseIDs).all() where event.text.contains(name) {
            event.text = event.text.replacingOccurrences(of: name, with: WorkerData.anonymisedLabel)
            try await event.save(on: db)
        }
    }

    /// Those party to a case still open, or touched since the cutoff.
    static func activeSince(_ workerIDs: [UUID], _ cutoff: Date, _ db: any Database) async throws -> Set<UUID> {
        Set(try await CaseWorker.query(on: db).join(Case.self, on: \CaseWorker.$caseID == \Case.$id)
            .filter(\.$workerID ~~ workerIDs)
            .group(.or) { $0.filter(Case.self, \.$status != .closed).filter(Case.self, \.$updatedAt >= cutoff) }
            .all(\.$workerID))
    }
}
