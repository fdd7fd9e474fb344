import Fluent
import Foundation
import HuzhuCore
@testable import HuzhuCases
@testable import HuzhuIntake
import HuzhuPlatform
import Testing
import Vapor

/// Each person's home page is their work queue, and the due list takes every dated item: a case's next
/// step next week and an overdue callback are due, never "nothing due in two weeks".
@Suite("Work queues and the due list")
struct WorkQueueTests {
    @Test("A caseworker's next step next week and an overdue callback are on the due list and the home page")
    func dueList() async throws {
        let clock = TestClock()
        try await withHuzhu(clock: clock) { app, browser in
            try await browser.login("caseworker")
            let today = CalendarDate(clock.now())
            let opened = try await browser.openCase(title: "下周要打电话的案子", extra: [("next_action_on", today.adding(days: 6).description)])
            _ = try await browser.recordContact(phone: "13800138011", extra: ["outcome": "callback"])
            clock.advance(2 * 86_400)
            try await browser.login("caseworker")
            let due = try await browser.get("/due").text
            #expect(!due.contains("两周内没有"))
            #expect(due.contains("下周要打电话的案子") && due.contains("下一步"))
            #expect(due.contains("约定回电") && due.contains("status overdue"))
            let home = try await browser.get("/").text
            #expect(home.contains("待回电 (1)") && home.contains("两周内到期") && home.contains("我负责的在办案件 (1)"))
            // Most urgent first: the overdue callback's card stands before the cases'.
            let callbacks = try #require(home.range(of: "data-queue=\"work.callbacks\""))
            let cases = try #require(home.range(of: "data-queue=\"work.my_cases\""))
            #expect(callbacks.lowerBound < cases.lowerBound)
            #expect(home.contains("/cases/\(opened.id!.uuidString.lowercased())"))
        }
    }

    @Test("A supervisor sees unassigned cases and closings to approve; a lawyer the conflict checks waiting")
    func supervisorAndLawyer() async throws {
        try await withHuzhu { app, browser in
            try await browser.login("supervisor")
            let opened = try await browser.openCase(title: "等待指派的案件")
            try await CaseAssignee.query(on: app.db).filter(\.$caseID == opened.id!).delete()
            #expect(try await browser.get("/").text.contains("尚未分派的案件 (1)"))
            let lawyer = try await app.user("lawyer")
            #expect(try await browser.post("/cases/\(opened.id!)/assignees", ["assignee": lawyer.id!.uuidString]).status == .seeOther)
            #expect(!(try await browser.get("/").text.contains("尚未分派的案件")))
            let session = browser.fresh()
            try await session.login("lawyer")
            let home = try await session.get("/").text
            #expect(home.contains("待确认利益冲突的指派 (1)") && home.contains("/cases/\(opened.id!.uuidString.lowercased())/conflict"))
        }
    }

    @Test("Nothing waiting says so; the home page offers the day's first action to those who record contacts")
    func emptyAndPrimary() async throws {
        try await withHuzhu { _, browser in
            try await browser.login("volunteer")
            let home = try await browser.get("/").text
            #expect(home.contains("目前没有待办事项") && home.contains("class=\"button primary\" href=\"/intake\""))
            let leader = browser.fresh()
            try await leader.login("leader")
            let page = try await leader.get("/").text
            #expect(page.contains("目前没有待办事项") && !page.contains("href=\"/intake\""))
        }
    }
}
