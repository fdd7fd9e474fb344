import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
import HuzhuPlatform
import Logging
import Testing
import Vapor
import VaporTesting

@Suite("Who may see a case and its files")
struct CaseAccessTests {
    static let pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

    func upload(_ browser: Browser, to found: Case, name: String, content: String) async throws -> TestingHTTPResponse {
        try await browser.upload("/cases/\(found.id!)/files", fields: [("description", "工资条")], file: name,
                                 type: "application/pdf", data: Data(content.utf8))
    }

    @Test("Evidence is checked by content, stored under a random name, and served only to those who may read the case")
    func files() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let opened = try await browser.openCase()
            #expect(try await upload(browser, to: opened, name: "../../etc/工资条.pdf", content: Self.pdf).status == .seeOther)
            let disguised = try await upload(browser, to: opened, name: "evil.pdf", content: "<script>alert(1)</script>")
            #expect(disguised.status == .unprocessableEntity && disguised.text.contains("只接受照片"))
            let files = try await EvidenceFile.query(on: app.db).all()
            let file = try #require(files.first)
            #expect(try files.count == 1 && file.openOriginalName(app.fieldCipher) == "工资条.pdf" && file.contentType == "application/pdf")
            let stored = URL(fileURLWithPath: app.dataDirectory).appendingPathComponent("evidence/\(file.storedName)")
            #expect(try String(contentsOf: stored, encoding: .utf8) == Self.pdf)
            #expect(file.storedName.count == 32 && !file.storedName.contains("工资"))

            let download = try await browser.get("/files/\(file.id!)")
            #expect(download.status == .ok && download.text == Self.pdf)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(try await app.auditActions().last == "casework.file.download")

            // Another office's caseworker, a volunteer and an unassigned lawyer of the same NGO get exactly
            // what another NGO's caseworker gets, and what an id that was never used gets: no such record.
            for login in ["sz.caseworker", "cd.caseworker", "volunteer", "lawyer"] {
                let other = browser.fresh()
                try await other.login(login)
                for path in ["/files/\(file.id!)", "/cases/\(opened.id!)", "/files/\(UUID())", "/cases/\(UUID())"] {
                    let response = try await other.get(path)
                    #expect(response.status == .notFound && response.text.contains("找不到"), "\(login) \(path)")
                }
            }
        }
    }

    @Test("A volunteer lawyer sees only cases assigned to them, after confirming no conflict of interest")
    func lawyerConflict() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let assigned = try await browser.openCase(title: "指派给律师的案子", respondent: "某某建设集团")
            try await browser.openCase(title: "没有指派的案子")
            let lawyerID = try await app.user("lawyer").requireID()
            #expect(try await browser.post("/cases/\(assigned.id!)/assignees", ["assignee": lawyerID.uuidString]).status == .seeOther)

            let lawyer = browser.fresh()
            try await lawyer.login("lawyer")
            // Until they confirm, the list and the API show the case number and the respondents, never the title.
            let list = try await lawyer.get("/cases").text
            #expect(list.contains(assigned.number) && list.contains("某某建设集团"))
            #expect(!list.contains("指派给律师的案子") && !list.contains("没有指派的案子"))
            let apiList = try await app.testing().sendRequest(.GET, "/api/v1/cases", headers: try await lawyer.apiHeaders())
            #expect(apiList.text.contains(assigned.number) && apiList.text.contains("某某建设集团"))
            #expect(!apiList.text.contains("指派给律师的案子") && apiList.text.contains(#""conflict_check_pending":true"#))
            // Nor can a search by a word of the title or a worker's name tell them what the case is about.
            #expect(!(try await lawyer.get("/cases?q=指派").text.contains(assigned.number)))
            #expect(try await lawyer.get("/cases?q=某某建设").text.contains(assigned.number))
            let first = try await lawyer.get("/cases/\(assigned.id!)")
            #expect(first.status == .seeOther && first.location == "/cases/\(assigned.id!.uuidString.lowercased())/conflict")
            let confirmation = try await lawyer.get("/cases/\(assigned.id!)/conflict").text
            #expect(confirmation.contains("某某建设集团") && !confirmation.contains("工地集体欠薪"))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/cases/\(assigned.id!)", headers: try await lawyer.apiHeaders())
            #expect(api.status == .conflict)
            #expect(try await lawyer.post("/cases/\(assigned.id!)/notes", ["text": "看过材料"]).status == .conflict)
            #expect(try await app.auditActions().filter { $0 == "casework.case.view" }.isEmpty)

            #expect(try await lawyer.post("/cases/\(assigned.id!)/conflict", ["decision": "confirm"]).status == .seeOther)
            #expect(try await lawyer.get("/cases/\(assigned.id!)").status == .ok)
            #expect(try await lawyer.get("/cases").text.contains("指派给律师的案子"))
            #expect(try await lawyer.post("/cases/\(assigned.id!)/notes", ["text": "看过材料"]).status == .seeOther)
            #expect(try await lawyer.post("/cases/\(assigned.id!)/assignees", ["assignee": lawyerID.uuidString]).status == .forbidden)
            let confirmed = try #require(try await CaseAssignee.query(on: app.db).filter(\.$userID == lawyerID).first())
            #expect(confirmed.conflictConfirmedAt != nil)
            #expect(try await app.auditActions().contains("casework.case.confirm_no_conflict"))
        }
    }

    @Test("A 150-worker case with 500 timeline events loads in as many queries as a small one")
    func boundedQueries() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let small = try await browser.openCase(title: "小案", roster: "甲 13800000001")
            let roster = (1...150).map { "工友\($0) 138\(String(format: "%08d", $0))" }.joined(separator: "\n")
            let large = try await browser.openCase(title: "大案", roster: roster)
            let workers = try await app.caseWorkers(of: large)
            #expect(workers.count == 150)
            let caseworker = try await app.user("caseworker").requireID()
            try await app.db.transaction { db in
                for index in 0..<500 {
                    let event = CaseEvent()
                    event.ngoID = large.ngoID
                    event.caseID = large.id!
                    event.kind = .note
                    event.occurredAt = Date(timeIntervalSince1970: 1_790_000_000 + Double(index))
                    event.actorID = caseworker
                    event.textCipher = try app.fieldCipher.seal("记录 \(index)")
                    try await event.create(on: db)
                }
                for worker in workers.prefix(150) {
                    let claim = Claim()
                    claim.ngoID = large.ngoID
                    claim.caseID = large.id!
                    claim.workerID = worker
                    claim.head = .unpaidWages
                    claim.claimedFen = 1_000_000
                    claim.note = ""
                    claim.createdAt = Date()
                    try await claim.create(on: db)
                }
            }
            func queries(_ found: Case) async throws -> Int {
                let counter = QueryCounter()
                let db = app.db.logging(to: Logger(label: "query-count") { _ in counter })
                let access = CaseAccess(case: found, assignment: nil, mayWork: true, mayManage: true)
                let model = try await CasePageQuery.load(access, group: nil, mayApprove: true, mayReadWorkers: true,
                                                         mayReadEmployers: true,
                                                         today: CalendarDate(Date()), cipher: app.fieldCipher, on: db)
                #expect(model.workers.count == (found.id == large.id ? 150 : 1))
                return counter.count
            }
            let smallCount = try await queries(small)
            let largeCount = try await queries(large)
            #expect(smallCount >= 10)  // the counter sees the statements
            #expect(largeCount == smallCount)
            #expect(largeCount <= 20)
            #expect(try await browser.get("/cases/\(large.id!)").text.contains("记录 499"))
        }
    }
}

/// Counts the statements the database driver logs (each query is logged once, at debug level).
final class QueryCounter: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var statements = 0
    var count: Int { lock.withLock { statements } }
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
             function: String, line: UInt) {
        if level == .debug { lock.withLock { statements += 1 } }
    }
}
