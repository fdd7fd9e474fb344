import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Cases JSON API")
struct CaseAPITests {
    func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ headers: HTTPHeaders,
              _ json: String? = nil) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    @Test("A case is opened, crewed, moved, claimed and paid through the API, with the same checks as the pages")
    func roundTrip() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let headers = try await browser.apiHeaders()
            let employer = try await send(app, .POST, "/api/v1/employers", headers,
                                          #"{"name": "API 建设集团", "credit_code": "91350100M000100Y43"}"#)
            #expect(employer.status == .created)
            let badCode = try await send(app, .POST, "/api/v1/employers", headers, #"{"name": "x", "credit_code": "91350100M000100Y44"}"#)
            #expect(badCode.status == .unprocessableEntity && badCode.text.contains("credit_code_check"))

            let created = try await send(app, .POST, "/api/v1/cases", headers, """
                {"title": "API 欠薪案", "dispute_types": ["wage_arrears", "overtime"], "employment_start": "2026-01-01",
                 "respondent_name": "API 建设集团", "respondent_role": "general_contractor", "roster": "甲 13800000001\\n乙 13800000002"}
                """)
            #expect(created.status == .created)
            let opened = try created.content.decode(CaseResource.Detail.self)
            #expect(opened.workers.count == 2 && opened.respondents.first?.role == "general_contractor")
            #expect(try await Employer.query(on: app.db).count() == 1)  // the respondent reused the employer by name
            let path = "/api/v1/cases/\(opened.summary.id)"

            let crewed = try await send(app, .POST, "\(path)/workers", headers, #"{"roster": "丙 13800000003"}"#)
            #expect(try crewed.content.decode(CaseResource.Detail.self).workers.count == 3)
            let moved = try await send(app, .POST, "\(path)/status", headers,
                                       #"{"status": "arbitration", "moved_on": "2026-02-01", "reason": "协商不成"}"#)
            #expect(try moved.content.decode(CaseResource.Detail.self).summary.status == "arbitration")
            let back = try await send(app, .POST, "\(path)/status", headers,
                                      #"{"status": "advice", "moved_on": "2026-02-01", "reason": "x"}"#)
            #expect(back.status == .unprocessableEntity && back.text.contains("status_move_not_allowed"))

            let worker = opened.workers[0].id
            let claimed = try await send(app, .POST, "\(path)/claims", headers,
                                         #"{"worker": "\#(worker)", "head": "unpaid_wages", "claimed": "9000"}"#)
            let claim = try #require(try claimed.content.decode(CaseResource.Detail.self).claims.first)
            _ = try await send(app, .POST, "\(path)/claims", headers,
                               #"{"agreed_claim": "\#(claim.id)", "agreed": "8000", "source": "award", "agreed_on": "2026-03-01"}"#)
            let paid = try await send(app, .POST, "\(path)/payments", headers,
                                      #"{"claim": "\#(claim.id)", "amount": "8000", "paid_on": "2026-03-05", "payer": "API 建设集团", "method": "court"}"#)
            #expect(paid.status == .created)
            let detail = try paid.content.decode(CaseResource.Detail.self)
            #expect(detail.totals.claimed_fen == 900_000 && detail.totals.agreed_fen == 800_000 && detail.totals.paid_fen == 800_000)
            #expect(detail.workers.first { $0.id == worker }?.totals.outstanding_fen == 0)

            let list = try await send(app, .GET, "/api/v1/cases?status=arbitration", headers)
            #expect(try list.content.decode(CaseResource.CaseList.self).cases.map(\.title) == ["API 欠薪案"])

            let other = browser.fresh()
            try await other.login("cd.caseworker")
            let foreign = try await send(app, .GET, path, try await other.apiHeaders())
            #expect(foreign.status == .notFound)
        }
    }

    @Test("Evidence is uploaded and downloaded through the API")
    func files() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            var headers = try await browser.apiHeaders()
            let found = try await browser.openCase()
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
            for (name, value) in Multipart.headers { headers.replaceOrAdd(name: name, value: value) }
            let uploaded = try await app.testing().sendRequest(.POST, "/api/v1/cases/\(found.id!)/files", headers: headers,
                                                               body: Multipart.body(file: "pay.png", type: "image/png", data: Data(png)))
            #expect(uploaded.status == .created)
            let file = try uploaded.content.decode(CaseResource.File.self)
            #expect(file.content_type == "image/png" && file.size_bytes == png.count)
            let download = try await app.testing().sendRequest(.GET, "/api/v1/files/\(file.id)", headers: headers)
            #expect(download.status == .ok && Array(download.body.readableBytesView) == png)
        }
    }
}
