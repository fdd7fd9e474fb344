import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform

/// Everything one case's page shows, loaded in a fixed number of queries however many workers and
/// events the case has.
struct CasePageModel {
    struct WorkerRow {
        let worker: Worker
        let name: String
        let maskedPhone: String?
        let totals: Ledger.Totals
    }

    let access: CaseAccess
    let officeName: String
    let workers: [WorkerRow]
    let respondents: [(role: ChainRole, employer: Employer)]
    let assignees: [(assignee: CaseAssignee, name: String)]
    let ledger: Ledger
    let claims: [Claim]
    /// Newest first; a reversing entry beside the payment it reverses.
    let payments: [Payment]
    /// The payments a reversing entry voids.
    var reversedPayments: Set<UUID> { Set(payments.compactMap(\.reversesID)) }
    /// Why each reversing entry reverses its payment, opened.
    let reversalReasons: [UUID: String]
    let files: [EvidenceFile]
    let events: [CaseEvent]
    /// Each file's name and description, opened.
    let fileNames: [UUID: String]
    let fileCaptions: [UUID: String]
    /// The case's title and summary, opened.
    let caseTitle: String
    let caseSummary: String
    /// Each event's words, opened.
    let eventTexts: [UUID: String]
    /// Display names of the people the page mentions (assignees, event actors, payment recorders).
    let names: [UUID: String]
    /// Those who may be assigned (only loaded for someone who may assign).
    let assignable: [User]
    let closingNeedsApproval: Bool
    let mayApprove: Bool
    let mayReadWorkers: Bool
    let mayReadEmployers: Bool
    let timelineGroup: String?
    let mediation: CaseMediation
    let today: CalendarDate

    var `case`: Case { access.case }

    func workerName(_ id: UUID) -> String? { workers.first { $0.worker.id == id }?.name }
}

enum CasePageQuery {
    static let timelineLimit = 1000

    static func load(_ access: CaseAccess, group: String?, mayApprove: Bool, mayReadWorkers: Bool,
                     mayReadEmployers: Bool, today: CalendarDate,
                     cipher: FieldCipher, on db: any Database) async throws -> CasePageModel {
        let found = access.case
        let caseID = try found.requireID()
        let office = try await Office.find(found.officeID, on: db)
        let workerIDs = try await CaseWorker.query(on: db).filter(\.$caseID == caseID).sort(\.$addedAt).all().map(\.workerID)
        let workers = Dictionary(uniqueKeysWithValues: try await Worker.query(on: db).filter(\.$id ~~ workerIDs).all()
            .map { ($0.id!, $0) })
        let phones = try await WorkerStore(db: db, cipher: cipher).phones(of: workerIDs)
        let respondentLinks = try await CaseRespondent.query(on: db).filter(\.$caseID == caseID).all()
        let employers = Dictionary(uniqueKeysWithValues: try await Employer.query(on: db)
            .filter(\.$id ~~ respondentLinks.map(\.employerID)).all().map { ($0.id!, $0) })
        let assignees = try await CaseAssignee.query(on: db).filter(\.$caseID == caseID).sort(\.$assignedAt).all()
        let claims = try await Claim.query(on: db).filter(\.$caseID == caseID).sort(\.$createdAt).all()
        let payments = try await Payment.query(on: db).filter(\.$caseID == caseID).sort(\.$paidOn, .descending)
            .sort(\.$recordedAt, .descending).all()
        let files = try await EvidenceFile.query(on: db).filter(\.$caseID == caseID).sort(\.$uploadedAt, .descending).all()
        let events = CaseEvent.query(on: db).filter(\.$caseID == caseID)
        if let group, CaseEvent.Kind.groups.contains(group) {
            events.filter(\.$kind ~~ CaseEvent.Kind.allCases.filter { $0.group == group })
        }
        let timeline = try await events.sort(\.$occurredAt, .descending).sort(\.$id, .descending).limit(timelineLimit).all()
        let mediation = try await CaseMediation.load(found, payments: payments, today: today, on: db)
        let people = Set(assignees.map(\.userID) + timeline.compactMap(\.actorID) + payments.map(\.recordedBy)
                         + mediation.mediators.map(\.userID) + mediation.sessions.flatMap(\.mediatorIDs))
        let names = Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ Array(people)).all()
            .map { ($0.id!, $0.displayName) })
        var assignable: [User] = []
        if access.mayManage {
            assignable = try await User.query(on: db).filter(\.$ngoID == found.ngoID).filter(\.$active == true)
                .filter(\.$role ~~ [.officeSupervisor, .caseworker, .volunteerLawyer]).sort(\.$displayName).all()
                .filter { $0.role == .volunteerLawyer || $0.officeID == found.officeID }
        }
        let settings = try await CaseSettings.find(found.officeID, on: db)
        let ledger = Ledger(claims: claims.map(\.ledgerClaim), payments: payments.map(\.ledgerPayment))
        return CasePageModel(
            access: access, officeName: office?.name ?? "—",
            workers: try workerIDs.compactMap { id in
                try workers[id].map { CasePageModel.WorkerRow(worker: $0, name: try $0.openName(cipher), maskedPhone: phones[id]?.first?.masked,
                                                          totals: ledger.total(of: id)) }
            },
            respondents: respondentLinks.compactMap { link in employers[link.employerID].map { (link.role, $0) } },
            assignees: assignees.map { ($0, names[$0.userID] ?? "—") },
            ledger: ledger, claims: claims, payments: payments,
            reversalReasons: Dictionary(uniqueKeysWithValues: try payments.compactMap { payment in
                try payment.reasonCipher.map { (payment.id!, try cipher.open($0)) }
            }),
            files: files, events: timeline, fileNames: Dictionary(uniqueKeysWithValues: try files.map { ($0.id!, try $0.openOriginalName(cipher)) }),
            fileCaptions: Dictionary(uniqueKeysWithValues: try files.map { ($0.id!, try $0.openCaption(cipher)) }),
            caseTitle: try found.openTitle(cipher),
            caseSummary: try found.openSummary(cipher),
            eventTexts: Dictionary(uniqueKeysWithValues: try timeline.map { ($0.id!, try $0.openText(cipher)) }), names: names,
            assignable: assignable, closingNeedsApproval: settings?.closingNeedsApproval ?? false,
            mayApprove: mayApprove, mayReadWorkers: mayReadWorkers, mayReadEmployers: mayReadEmployers,
            timelineGroup: group, mediation: mediation, today: today)
    }
}
