import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor

/// A contact recorded as needing a case must reach someone: it waits in the office's queue on the
/// caseworkers' and supervisor's home pages until a case is opened from it or it is closed with a reason.
@Suite("Contacts awaiting a case")
struct ContactQueueTests {
    @Test("The office's queue on the home page empties by opening a case or deciding no case, with a reason")
    func queue() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            for name in ["甲", "乙"] {
                #expect(try await browser.recordContact(phone: nil, newWorker: name, extra: ["outcome": "case_to_open"]).status == .seeOther)
            }
            #expect(try await browser.recordContact(phone: nil, newWorker: "丙").status == .seeOther)  // advice only
            let contacts = try await app.contacts()
            #expect(try await browser.get("/").text.contains("待立案的来访来电 (2)"))
            let supervisor = browser.fresh()
            try await supervisor.login("supervisor")
            #expect(try await supervisor.get("/").text.contains("待立案的来访来电 (2)"))
            let shenzhen = browser.fresh()
            try await shenzhen.login("sz.caseworker")
            #expect(!(try await shenzhen.get("/").text.contains("待立案")))

            try await browser.openCase(title: "甲的欠薪", extra: [("contact", contacts[0].id!.uuidString)])
            #expect(try await browser.get("/").text.contains("待立案的来访来电 (1)"))

            let page = try await browser.get("/contacts/\(contacts[1].id!)").text
            #expect(page.contains("/contacts/\(contacts[1].id!.uuidString.lowercased())/no-case"))
            let noReason = try await browser.post("/contacts/\(contacts[1].id!)/no-case", ["reason": "  "])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("此项必填"))
            #expect(try await shenzhen.post("/contacts/\(contacts[1].id!)/no-case", ["reason": "x"]).status == .notFound)
            #expect(try await browser.post("/contacts/\(contacts[1].id!)/no-case", ["reason": "工友已自行和解"]).status == .seeOther)
            #expect(try await app.auditActions().last == "casework.contact.no_case")
            let home = try await browser.get("/").text
            #expect(!home.contains("待立案的来访来电"))
            #expect(try await browser.get("/contacts/\(contacts[1].id!)").text.contains("工友已自行和解"))
            let again = try await browser.post("/contacts/\(contacts[1].id!)/no-case", ["reason": "again"])
            #expect(again.status == .unprocessableEntity && again.text.contains("已不在待立案队列中"))
            // Not advice-only contacts.
            #expect(try await browser.post("/contacts/\(contacts[2].id!)/no-case", ["reason": "x"]).status == .unprocessableEntity)
        }
    }

    @Test("The contacts list filters by outcome")
    func outcomeFilter() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("caseworker")
            _ = try await browser.recordContact(phone: nil, newWorker: "甲", summary: "需要立案的来电", extra: ["outcome": "case_to_open"])
            _ = try await browser.recordContact(phone: nil, newWorker: "乙", summary: "只需咨询的来电")
            let filtered = try await browser.get("/contacts?outcome=case_to_open").text
            #expect(filtered.contains("需要立案的来电") && !filtered.contains("只需咨询的来电"))
            let all = try await browser.get("/contacts").text
            #expect(all.contains("需要立案的来电") && all.contains("只需咨询的来电"))
        }
    }
}
