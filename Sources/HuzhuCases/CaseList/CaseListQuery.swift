import Fluent
import Foundation
import HuzhuCore
import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import SQLKit
import Vapor

/// The filters of the case lists: whose cases (mine, the office's, overdue), status, dispute type,
/// assignee, employer, opening dates, and a search by case number, worker name or phone, or employer.
struct CaseFilter: Content {
    var view: String?
    var status: String?
    var type: String?
    var assignee: String?
    var employer: String?
    var from: String?
    var to: String?
    var q: String?
    var after: String?

    static let pageSize = 50

    var items: [(name: String, value: String?)] {
        [("view", view), ("status", status), ("type", type), ("assignee", assignee), ("employer", employer),
         ("from", from), ("to", to), ("q", q)]
    }
}

enum CaseListQuery {
    /// A case as the list shows it (the page and the API).
    struct Row: Sendable {
        let id: UUID
        let number: String
        /// nil while the conflict check is pending (`pendingRespondents`).
        let title: String?
        let status: CaseStatus
        let closingPending: Bool
        let disputeTypes: [DisputeType]
        let openedOn: CalendarDate
        let nextActionOn: CalendarDate?
        let updatedAt: Date
        let workers: Int
        /// For a lawyer who has not yet confirmed they have no conflict of interest: the respondents'
        /// names, which with the case number are all they may see of the case until they confirm.
        let pendingRespondents: [String]?
    }

    struct Page {
        let rows: [Row]
        let next: String?
    }

    /// The cases the person may see that match the filter, most recently changed first.
    /// `visible` is what the policy lets the person see; a lawyer (`lawyer`) sees only the cases they
    /// are assigned to among those.
    static func load(_ filter: CaseFilter, for actor: Actor, visible: Visibility, lawyer: Bool, today: CalendarDate,
                     cipher: FieldCipher, on db: any Database) async throws -> Page {
        let query = Case.query(on: db).visible(visible)
        let assignee = lawyer || filter.view == "mine" ? actor.userID : filter.assignee.flatMap(UUID.init(uuidString:))
        if let assignee {
            query.join(CaseAssignee.self, on: \Case.$id == \CaseAssignee.$caseID).filter(CaseAssignee.self, \.$userID == assignee)
        }
        if let employer = filter.employer.flatMap(UUID.init(uuidString:)) {
            query.join(CaseRespondent.self, on: \Case.$id == \CaseRespondent.$caseID)
                .filter(CaseRespondent.self, \.$employerID == employer)
        }
        if filter.view == "overdue" {
            query.filter(\.$status != .closed).filter(\.$nextActionOn < today)
        }
        if let status = filter.status.flatMap(CaseStatus.init(rawValue:)) { query.filter(\.$status == status) }
        if let type = filter.type.flatMap(DisputeType.init(rawValue:)) {
            let bit = SQLBinaryExpression(left: SQLColumn("dispute_mask", table: Case.schema), op: SQLRaw("&"),
                                          right: SQLBind(DisputeTypes.bit(type)))
            query.filter(.custom(SQLBinaryExpression(SQLGroupExpression(bit), .notEqual, SQLLiteral.numeric("0"))))
        }
        if let from = filter.from.flatMap(CalendarDate.init(iso:)) { query.filter(\.$openedOn >= from) }
        if let to = filter.to.flatMap(CalendarDate.init(iso:)) { query.filter(\.$openedOn <= to) }
        let text = filter.q?.trimmingCharacters(in: .whitespaces) ?? ""
        var byRespondent: Set<UUID> = []
        if !text.isEmpty {
            let found = try await matching(text, ngoID: actor.ngoID, cipher: cipher, on: db)
            byRespondent = found.byRespondent
            let ids = Array(found.byWorker.union(found.byRespondent))
            query.group(.or) { match in
                match.filter(\.$number == text.uppercased())
                if let byTitle = SearchGrams.condition(text, recordType: CaseTitle.recordType, ngoID: actor.ngoID,
                                                       table: Case.schema, cipher: cipher) { match.filter(byTitle) }
                if !ids.isEmpty { match.filter(\.$id ~~ ids) }
            }
        }
        var (page, next) = try await query.newestFirst(\.$updatedAt, after: filter.after, pageSize: CaseFilter.pageSize)
        let pending = lawyer ? try await unconfirmed(page.compactMap(\.id), by: actor.userID, on: db) : [:]
        if !text.isEmpty {
            // Until they confirm, a lawyer's search finds a case only by its number or its respondents:
            // a search by a worker's name must not tell them who is behind it.
            page = page.filter { pending[$0.id!] == nil || $0.number == text.uppercased() || byRespondent.contains($0.id!) }
        }
        let counts = try await workerCounts(page.compactMap(\.id), on: db)
        return Page(rows: try page.map { found in
            let pendingRespondents = pending[found.id!]
            return Row(id: found.id!, number: found.number, title: pendingRespondents == nil ? try found.openTitle(cipher) : nil,
                       status: found.status, closingPending: found.pendingClosingCode != nil, disputeTypes: found.disputeTypes,
                       openedOn: found.openedOn, nextActionOn: found.nextActionOn, updatedAt: found.updatedAt,
                       workers: counts[found.id!] ?? 0, pendingRespondents: pendingRespondents)
        }, next: next)
    }

    /// Of these cases, those the lawyer has not yet confirmed, with the names of their respondents.
    private static func unconfirmed(_ ids: [UUID], by lawyer: UUID, on db: any Database) async throws -> [UUID: [String]] {
        guard !ids.isEmpty else { return [:] }
        let open = try await CaseAssignee.query(on: db).filter(\.$userID == lawyer).filter(\.$caseID ~~ ids)
            .filter(\.$conflictConfirmedAt == nil).all().map(\.caseID)
        guard !open.isEmpty else { return [:] }
        let respondents = try await CaseRespondent.query(on: db).filter(\.$caseID ~~ open).all()
        let names = Dictionary(try await Employer.query(on: db).filter(\.$id ~~ respondents.map(\.employerID)).all()
            .map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        var result = Dictionary(uniqueKeysWithValues: open.map { ($0, [String]()) })
        for respondent in respondents { result[respondent.caseID, default: []].append(names[respondent.employerID] ?? "") }
        return result.mapValues { $0.sorted() }
    }

    /// Cases whose workers have this phone or name, and cases whose respondents have this name.
    private static func matching(_ text: String, ngoID: UUID?, cipher: FieldCipher,
                                 on db: any Database) async throws -> (byWorker: Set<UUID>, byRespondent: Set<UUID>) {
        var workerIDs: [UUID]
        if let phone = try? PhoneNumber(text), let ngoID {
            workerIDs = try await WorkerStore(db: db, cipher: cipher).workers(withPhone: phone, ngoID: ngoID).compactMap(\.id)
        } else {
            workerIDs = try await WorkerName.matching(text, ngoID: ngoID, cipher: cipher, on: db)
        }
        let employers = Employer.query(on: db).filter(\.$name ~~ text).limit(500)
        if let ngoID { employers.filter(\.$ngoID == ngoID) }
        let employerIDs = try await employers.all().compactMap(\.id)
        let byWorker = workerIDs.isEmpty ? [] : try await CaseWorker.query(on: db).filter(\.$workerID ~~ workerIDs).all().map(\.caseID)
        let byRespondent = employerIDs.isEmpty ? []
            : try await CaseRespondent.query(on: db).filter(\.$employerID ~~ employerIDs).all().map(\.caseID)
        return (Set(byWorker), Set(byRespondent))
    }

    private static func workerCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        struct Count: Decodable { let case_id: UUID; let workers: Int }
        let rows = try await db.sql.select().column("case_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "workers")
            .from(CaseWorker.schema).where("case_id", .in, ids).groupBy("case_id").all(decoding: Count.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.case_id, $0.workers) })
    }
}
