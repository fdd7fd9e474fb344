import Fluent
import Foundation
@testable import HuzhuCases
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

extension Browser {
    /// Opens a case through the form and returns it.
    @discardableResult
    func openCase(title: String = "工地集体欠薪", roster: String = "", respondent: String = "某劳务公司",
                  extra: [(String, String)] = []) async throws -> Case {
        let response = try await post("/cases/new", pairs: [
            ("title", title), ("dispute_types[]", "wage_arrears"), ("roster", roster),
            ("respondent_name", respondent), ("respondent_role", "labour_contractor"),
        ] + extra)
        #expect(response.status == .seeOther, "open case answered \(response.status): \(response.text.prefix(500))")
        return try await Case.query(on: app.db).sort(\.$createdAt, .descending).all()
            .first { (try? $0.openTitle(app.fieldCipher)) == title }!
    }
}

extension Application {
    func claims(of found: Case) async throws -> [Claim] {
        try await Claim.query(on: db).filter(\.$caseID == found.id!).sort(\.$createdAt).all()
    }

    func caseWorkers(of found: Case) async throws -> [UUID] {
        try await CaseWorker.query(on: db).filter(\.$caseID == found.id!).sort(\.$addedAt).all().map(\.workerID)
    }
}

extension Browser {
    /// An API token of the signed-in person, as request headers.
    func apiHeaders() async throws -> HTTPHeaders {
        let page = try await post("/tokens", ["name": "integration"])
        let secret = String(try #require(page.text.firstMatch(of: /<code class="secret">([^<]+)<\/code>/)?.1))
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: secret)
        headers.contentType = .json
        return headers
    }
}
