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
            .ul(.forEach(try visible.map { ($0, try CaseTitle.label($0, request.application.fieldCipher)) }) { found, label in
                .li(.a(.href(CasesRoute.casePage(.of(found.id!)).path), .text(label)),
                    .text(" · \(t("status.\(found.status.rawValue)"))"))
            }))
    }

    /// The cases of the workers a phone lookup found: number, title and where each stands.
    static let lookupLines: WorkerLookupLines = { workers, ngo, t, cipher, db in
        let links = try await CaseWorker.query(on: db).filter(\.$ngoID == ngo).filter(\.$workerID ~~ workers).all()
        guard !links.isEmpty else { return [:] }
        let cases = Dictionary(uniqueKeysWithValues: try await Case.query(on: db).filter(\.$id ~~ links.map(\.caseID)).all()
            .map { ($0.id!, $0) })
        var lines: [UUID: [String]] = [:]
        for link in links {
            guard let found = cases[link.caseID] else { continue }
            lines[link.workerID, default: []].append("\(t("cases.title")) \(try CaseTitle.label(found, cipher)) · \(t("status.\(found.status.rawValue)"))")
        }
        return lines
    }

    /// Finding workers by their cases: one still open, or one closed.
    static let criterion = WorkerCriterion(field: "cases", choices: [("open", "search.cases.open"), ("closed", "search.cases.closed")]) { value, ngoID in
        switch value {
        case "open": "SELECT cw.worker_id FROM case_workers cw JOIN cases c ON c.id = cw.case_id WHERE c.ngo_id = \(bind: ngoID) AND c.status <> 'closed'"
        case "closed": "SELECT cw.worker_id FROM case_workers cw JOIN cases c ON c.id = cw.case_id WHERE c.ngo_id = \(bind: ngoID) AND c.status = 'closed'"
        default: nil
        }
    }

    static let openFromContact: ContactAction = { request, contact in
        guard let actor = request.actor, actor.officeID != nil,
              request.may(.workCases, in: .office(ngo: contact.ngoID, office: actor.officeID!)) else { return nil }
        return (queryLink(CasesRoute.newCase.path, [("contact", contact.id!.uuidString.lowercased())]), "cases.open_from_contact")
    }

    /// The merged workers' places on cases, claims and payments move to the survivor; where the survivor
    /// is already on the case, the duplicate's place is dropped (its claims still move).
    static let merge: MergeStep = { merged, survivor, db in
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
            records.append(["case": found.number, "title": try found.openTitle(cipher), "status": found.status.rawValue, "opened_on": found.openedOn.description])
        }
        for claim in try await Claim.query(on: db).filter(\.$workerID == id).all() {
            var record = ["claim": claim.head.rawValue, "claimed_fen": String(claim.claimedFen)]
            if let agreed = claim.agreedFen { record["agreed_fen"] = String(agreed) }
            if !claim.note.isEmpty { record["note"] = claim.note }
            records.append(record)
        }
        for payment in try await Payment.query(on: db).filter(\.$workerID == id).sort(\.$paidOn).all() {
            records.append(["payment_on": payment.paidOn.description, "amount_fen": String(payment.amountFen)])
        }
        return records
    }

    /// The worker's claim notes go; in the cases they are party to, every trace of them (name, numbers,
    /// words of their contacts) leaves the title, the summary, file names and captions and the session
    /// notes, and every timeline line with a trace is emptied. Signed mediation agreements and finalised
    /// documents are legal records and stay.
    static func anonymise(_ worker: Worker, _ traces: WorkerTraces, _ cipher: FieldCipher, _ db: any Database) async throws {
        let id = try worker.requireID()
        try await db.sql.update(Claim.schema).set("note", to: SQLBind("")).where("worker_id", .equal, SQLBind(id)).run()
        let caseIDs = try await CaseWorker.query(on: db).filter(\.$workerID == id).all().map(\.caseID)
        guard !caseIDs.isEmpty else { return }
        for found in try await Case.query(on: db).filter(\.$id ~~ caseIDs).all() {
            let title = traces.scrub(try found.openTitle(cipher)), summary = traces.scrub(try found.openSummary(cipher))
            let reason = found.pendingReason.flatMap(traces.scrub)
            guard title != nil || summary != nil || reason != nil else { continue }
            if let title {
                found.titleCipher = try cipher.seal(title)
                try await CaseTitle.index(found, title: title, cipher, on: db)
            }
            if let summary { found.summaryCipher = try cipher.seal(summary) }
            found.pendingReason = reason ?? found.pendingReason
            try await found.save(on: db)
        }
        // A timeline line that mentions them is about them (a call, their health, their words): all of it goes.
        for event in try await CaseEvent.query(on: db).filter(\.$caseID ~~ caseIDs).all() where traces.scrub(try event.openText(cipher)) != nil {
            event.textCipher = try cipher.seal(WorkerData.anonymisedLabel)
            try await event.save(on: db)
        }
        for file in try await EvidenceFile.query(on: db).filter(\.$caseID ~~ caseIDs).all() {
            let name = traces.scrub(try file.openOriginalName(cipher)), caption = traces.scrub(try file.openCaption(cipher))
            guard name != nil || caption != nil else { continue }
            if let name { file.originalNameCipher = try cipher.seal(name) }
            if let caption { file.captionCipher = try cipher.seal(caption) }
            try await file.save(on: db)
        }
        for session in try await MediationSession.query(on: db).filter(\.$caseID ~~ caseIDs).all() {
            let parties = traces.scrub(session.parties), discussion = traces.scrub(session.discussion)
            guard parties != nil || discussion != nil else { continue }
            session.parties = parties ?? session.parties
            session.discussion = discussion ?? session.discussion
            try await session.save(on: db)
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
