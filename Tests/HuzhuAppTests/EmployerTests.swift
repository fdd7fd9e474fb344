import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
@testable import HuzhuIntake
import HuzhuOrg
import HuzhuPlatform
import Testing
import Vapor
import VaporTesting

@Suite("Employers, chains and merges")
struct EmployerTests {
    @Test("An employer's credit code is checked; its page shows its chain and its cases")
    func chainAndCases() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            let bad = try await browser.post("/employers/new", ["name": "甲公司", "credit_code": "91350100M000100Y44"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("校验位不符"))
            #expect(try await Employer.query(on: app.db).count() == 0)
            #expect(try await browser.post("/employers/new", ["name": "总包集团", "credit_code": "91350100m000100y43"])
                .status == .seeOther)
            let general = try #require(try await Employer.query(on: app.db).first())
            #expect(general.creditCode == "91350100M000100Y43")
            for (name, direction) in [("开发商", "above"), ("劳务公司", "below")] {
                #expect(try await browser.post("/employers/\(general.id!)/links",
                                               ["other_name": name, "direction": direction, "kind": "contracts"]).status == .seeOther)
            }
            let labour = try #require(try await Employer.query(on: app.db).filter(\.$name == "劳务公司").first())
            #expect(try await browser.post("/employers/\(labour.id!)/links",
                                           ["other_name": "包工头老李", "direction": "below", "kind": "contracts"]).status == .seeOther)
            let opened = try await browser.openCase(respondent: "劳务公司")
            let page = try await browser.get("/employers/\(labour.id!)").text
            #expect(page.contains("总包集团") && page.contains("开发商") && page.contains("包工头老李"))
            #expect(page.contains(opened.number))
        }
    }

    @Test("Duplicate employers merge into one; their cases follow")
    func merge() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("supervisor")
            let first = try await browser.openCase(title: "案一", respondent: "华兴建筑有限公司")
            try await browser.openCase(title: "案二", respondent: "华兴建筑")
            let duplicates = try await browser.get("/employers/duplicates").text
            #expect(duplicates.contains("华兴建筑有限公司") && duplicates.contains("华兴建筑"))
            let employers = try await Employer.query(on: app.db).sort(\.$createdAt).all()
            let response = try await browser.post("/employers/merge", pairs: [
                ("employers[]", employers[0].id!.uuidString), ("employers[]", employers[1].id!.uuidString),
                ("survivor", employers[0].id!.uuidString)])
            #expect(response.status == .seeOther)
            #expect(try await CaseRespondent.query(on: app.db).all().allSatisfy { $0.employerID == employers[0].id })
            let page = try await browser.get("/employers/\(employers[1].id!)").text
            #expect(page.contains(first.number) && page.contains("案二"))
        }
    }

    @Test("Merging duplicate workers moves their cases and claims to the survivor")
    func workerMerge() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("supervisor")
            let opened = try await browser.openCase(roster: "孙七 13500135000")
            try await browser.recordContact(phone: "13500135001", newWorker: "孙七")
            let workers = try await app.workers(named: "孙七")
            #expect(workers.count == 2)
            let onCaseID = try #require(try await app.caseWorkers(of: opened).first)
            let onCase = try #require(workers.first { $0.id == onCaseID })
            let other = try #require(workers.first { $0.id != onCase.id })
            _ = try await browser.post("/cases/\(opened.id!)/claims", ["worker": onCase.id!.uuidString, "head": "overtime",
                                                                        "claimed": "500"])
            let merged = try await browser.post("/workers/merge", pairs: [
                ("workers[]", onCase.id!.uuidString), ("workers[]", other.id!.uuidString),
                ("survivor", other.id!.uuidString), ("confirm", "on")])
            #expect(merged.status == .seeOther)
            #expect(try await app.caseWorkers(of: opened) == [other.id!])
            #expect(try await app.claims(of: opened).map(\.workerID) == [other.id!])
        }
    }
}
